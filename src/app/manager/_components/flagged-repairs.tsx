"use client";
// Repairs where the server's decision differed from the device's (price, auto-approval), kept
// as done and waiting for a manager to settle with a note saying what was done about it. A flag
// about a decision closes itself once that decision is made (approved, denied, cancelled); the
// rest are settled one by one or several at once with one note.
import { useState } from "react";
import { STATUS_LABELS } from "~/domain";
import { sentence } from "~/app/walk/_components/format";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { useSelection } from "../../_components/use-selection";
import { ReasonForm } from "./reason-form";
import { RepairFacts } from "./repair-facts";
import type { ManagerRepair } from "./types";
import { useRefreshLists } from "./use-refresh-lists";

export function FlaggedRepairs({ online = true }: { online?: boolean }) {
  const flagged = api.manager.flagged.useQuery();
  const refresh = useRefreshLists();
  const { selected, toggle, select } = useSelection();
  const repairs = flagged.data?.repairs ?? [];
  // Flags settled elsewhere leave the list; a stale selection must not follow them.
  const selectedIds = repairs.filter((r) => selected.has(r.id)).map((r) => r.id);
  const count = selectedIds.length;
  const resolveAll = api.manager.resolveFlags.useMutation({
    onSuccess: async () => {
      select([]);
      await refresh();
    },
  });
  const flags = `${count} ${count === 1 ? "flag" : "flags"}`;

  return (
    <section className="card" aria-labelledby="flags-heading" id="flags">
      <h2 id="flags-heading">Flagged by sync</h2>
      <QueryState
        isLoading={flagged.isLoading}
        error={flagged.error}
        isEmpty={repairs.length === 0}
        empty="No device and server disagreements to settle."
      >
        {flagged.data?.truncated && <p className="notice">Only the oldest are shown.</p>}
        {online && count > 0 && (
          <ReasonForm
            label={`What was done about the ${flags} selected?`}
            submitLabel={`Resolve ${flags}`}
            placeholder="e.g. kept the server's prices, told the customer"
            pending={resolveAll.isPending}
            error={resolveAll.error}
            onSubmit={(note) => resolveAll.mutate({ repairIds: selectedIds, note })}
            onCancel={() => select([])}
          />
        )}
        {byCustomer(repairs).map(({ customer, repairs: theirs }) => {
          const ids = theirs.map((r) => r.id);
          const all = ids.every((id) => selected.has(id));
          return (
            <section key={customer.id} className="mgr-group" aria-label={`Flags of ${customer.name}`}>
              <h3>
                {customer.name} · {theirs.length} {theirs.length === 1 ? "flag" : "flags"}
              </h3>
              {online && theirs.length > 1 && (
                <label className="mgr-check">
                  <input
                    type="checkbox"
                    checked={all}
                    onChange={(e) =>
                      select(
                        e.target.checked
                          ? new Set([...selected, ...ids])
                          : [...selected].filter((id) => !ids.includes(id)),
                      )
                    }
                  />
                  Select the {theirs.length} flags of {customer.name}
                </label>
              )}
              <div className="mgr-cards">
                {theirs.map((repair) => (
                  <FlagCard
                    key={repair.id}
                    repair={repair}
                    online={online}
                    selected={selected.has(repair.id)}
                    onToggle={() => toggle(repair.id)}
                  />
                ))}
              </div>
            </section>
          );
        })}
      </QueryState>
    </section>
  );
}

/** Flags come in batches from one lot (a price list changed under a walk): grouped by customer, oldest first. */
function byCustomer(repairs: ManagerRepair[]) {
  const groups = new Map<string, { customer: ManagerRepair["customer"]; repairs: ManagerRepair[] }>();
  for (const r of repairs) {
    const group = groups.get(r.customer.id) ?? { customer: r.customer, repairs: [] };
    group.repairs.push(r);
    groups.set(r.customer.id, group);
  }
  return [...groups.values()];
}

type CardProps = { repair: ManagerRepair; online: boolean; selected: boolean; onToggle: () => void };

function FlagCard({ repair, online, selected, onToggle }: CardProps) {
  const refresh = useRefreshLists();
  const [resolving, setResolving] = useState(false);
  const resolve = api.manager.resolveFlag.useMutation({ onSuccess: refresh });
  const unit = repair.unit.unitNumber;
  return (
    <article className="mgr-card" id={`flag-${repair.id}`} aria-label={`Unit ${unit}`}>
      {online && (
        <label className="mgr-select">
          <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select flag of unit ${unit}`} />
        </label>
      )}
      <RepairFacts repair={repair} heading="h4" showCustomer={false}>
        <p className="mgr-line" data-testid="flag-status">
          <strong>Now:</strong> {STATUS_LABELS[repair.status]}
        </p>
        <p className="notice">{sentence(repair.flaggedReason ?? "")}</p>
      </RepairFacts>
      {!online ? null : resolving ? (
        <ReasonForm
          label={`What was done about unit ${unit}?`}
          submitLabel="Resolve flag"
          placeholder="e.g. called the customer, kept the server's price"
          pending={resolve.isPending}
          error={resolve.error}
          onSubmit={(note) => resolve.mutate({ repairId: repair.id, note })}
          onCancel={() => setResolving(false)}
        />
      ) : (
        <div className="mgr-actions">
          <button type="button" className="secondary" aria-expanded={false} onClick={() => setResolving(true)}>
            Resolve…
          </button>
        </div>
      )}
    </article>
  );
}
