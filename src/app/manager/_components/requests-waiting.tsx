"use client";
// Work nobody has yet (a customer's request, an approved find without a technician), urgent
// first, then oldest first, to give to someone in the manager's team: one by one from a ranked
// list, or several selected at once.
import { useState } from "react";
import { api } from "~/trpc/react";
import { ASSIGNED_NOT_STARTED } from "./assigned-not-started";
import { QueryState } from "../../_components/query-state";
import { AssignPicker } from "./assign-picker";
import { BulkAssign } from "./bulk-assign";
import { CardQuickActions } from "./card-quick-actions";
import { RepairFacts } from "./repair-facts";
import type { ManagerRights } from "./use-manager-rights";

export function RequestsWaiting({ rights }: { rights: ManagerRights }) {
  const waiting = api.manager.requestsWaiting.useQuery();
  const repairs = waiting.data?.repairs ?? [];
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setPicked((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const selected = repairs.filter((r) => picked.has(r.id)).map((r) => ({ id: r.id, unitNumber: r.unit.unitNumber }));
  return (
    <section className="card" aria-labelledby="requests-heading" id="requests">
      <h2 id="requests-heading">Waiting for a technician</h2>
      {!rights.canAssign && <p className="muted">You may see this work; assigning it is not among your rights.</p>}
      <QueryState
        isLoading={waiting.isLoading}
        error={waiting.error}
        isEmpty={repairs.length === 0}
        empty="All work has a technician."
      >
        {waiting.data?.truncated && <p className="notice">Only the oldest are shown.</p>}
        {rights.canAssign && <BulkAssign selected={selected} onDone={() => setPicked(new Set())} />}
        <div className="mgr-cards">
          {repairs.map((repair) => (
            <article
              key={repair.id}
              className="mgr-card"
              id={`repair-${repair.id}`}
              aria-label={`Unit ${repair.unit.unitNumber}`}
            >
              {rights.canAssign && (
                <label className="mgr-select">
                  <input
                    type="checkbox"
                    checked={picked.has(repair.id)}
                    onChange={() => toggle(repair.id)}
                    aria-label={`Select unit ${repair.unit.unitNumber}`}
                  />
                </label>
              )}
              <RepairFacts repair={repair} heading="h3" />
              <CardQuickActions repair={repair} />
              {rights.canAssign && (
                <AssignPicker repairId={repair.id} unitNumber={repair.unit.unitNumber} verb="Assign" />
              )}
            </article>
          ))}
        </div>
      </QueryState>
      {rights.canAssign && <AssignedNotStarted />}
    </section>
  );
}

/** Assigned work nobody has started: it can still go to someone else. */
function AssignedNotStarted() {
  const assigned = api.repair.list.useQuery(ASSIGNED_NOT_STARTED);
  const team = api.manager.team.useQuery();
  const items = assigned.data?.items ?? [];
  const nameOf = (technicianId: string | null) =>
    team.data?.find((m) => m.technicianId === technicianId)?.name ?? "another technician";
  return (
    <details className="mgr-assigned">
      <summary>Assigned, not started ({assigned.isLoading ? "…" : items.length})</summary>
      <QueryState
        isLoading={assigned.isLoading}
        error={assigned.error}
        isEmpty={items.length === 0}
        empty="No assigned work is waiting to start."
      >
        <ul className="mgr-plain">
          {items.map((r) => (
            <li key={r.id} className="mgr-row">
              <span>
                <strong>Unit {r.unit.unitNumber}</strong> · {r.customer.name} · with {nameOf(r.technicianId)}
              </span>
              <AssignPicker repairId={r.id} unitNumber={r.unit.unitNumber} verb="Reassign" />
            </li>
          ))}
        </ul>
      </QueryState>
    </details>
  );
}
