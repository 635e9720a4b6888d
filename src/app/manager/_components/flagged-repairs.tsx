"use client";
// Repairs where the server's decision differed from the device's (price, auto-approval), kept
// as done and waiting for a manager to settle with a note saying what was done about it.
import { useState } from "react";
import { sentence } from "~/app/walk/_components/format";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { ReasonForm } from "./reason-form";
import { RepairFacts } from "./repair-facts";
import type { ManagerRepair } from "./types";
import { useRefreshLists } from "./use-refresh-lists";

export function FlaggedRepairs() {
  const flagged = api.manager.flagged.useQuery();
  const repairs = flagged.data?.repairs ?? [];
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
        <div className="mgr-cards">
          {repairs.map((repair) => (
            <FlagCard key={repair.id} repair={repair} />
          ))}
        </div>
      </QueryState>
    </section>
  );
}

function FlagCard({ repair }: { repair: ManagerRepair }) {
  const refresh = useRefreshLists();
  const [resolving, setResolving] = useState(false);
  const resolve = api.manager.resolveFlag.useMutation({ onSuccess: refresh });
  const unit = repair.unit.unitNumber;
  return (
    <article className="mgr-card" id={`repair-${repair.id}`} aria-label={`Unit ${unit}`}>
      <RepairFacts repair={repair} heading="h3">
        <p className="notice">{sentence(repair.flaggedReason ?? "")}</p>
      </RepairFacts>
      {resolving ? (
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
