"use client";
// Assign the selected requests in one action: each to its best candidate (smart assignment),
// or all to one technician. The server assigns all or none, so the screen shows the batch in
// progress, then each repair's technician, or the one refusal that stopped the whole batch.
import { useId, useState } from "react";
import { api } from "~/trpc/react";
import { useRefreshLists } from "./use-refresh-lists";

type Props = { selected: { id: string; unitNumber: string }[]; onDone: () => void };

export function BulkAssign({ selected, onDone }: Props) {
  const id = useId();
  const refresh = useRefreshLists();
  const team = api.manager.team.useQuery();
  const [technicianId, setTechnicianId] = useState("");
  const [done, setDone] = useState<string[]>([]);
  const bulk = api.assignment.bulkAssign.useMutation({
    onSuccess: async ({ assigned }) => {
      const units = new Map(selected.map((r) => [r.id, r.unitNumber]));
      setDone(assigned.map((a) => `Unit ${units.get(a.repairId) ?? a.repairId} → ${a.name}`));
      onDone();
      await refresh();
    },
  });
  const count = selected.length;
  const assign = () => {
    setDone([]);
    bulk.mutate({ repairIds: selected.map((r) => r.id), technicianId: technicianId || undefined });
  };
  return (
    <div className="mgr-bulk" role="group" aria-label="Assign selected">
      <label htmlFor={id}>Assign the selected to</label>
      <select id={id} value={technicianId} onChange={(e) => setTechnicianId(e.target.value)} disabled={bulk.isPending}>
        <option value="">The best technician for each (recommended)</option>
        {(team.data ?? []).map((m) => (
          <option key={m.technicianId} value={m.technicianId}>
            {m.name}
          </option>
        ))}
      </select>
      <div className="mgr-actions">
        <button type="button" className="mgr-primary" disabled={!count || bulk.isPending} onClick={assign}>
          {bulk.isPending ? `Assigning ${count}…` : count ? `Assign ${count} selected` : "Assign selected"}
        </button>
      </div>
      {bulk.isPending && (
        <p role="status">
          <progress aria-label={`Assigning ${count} repairs`} /> Assigning {count} repairs, all or none…
        </p>
      )}
      {bulk.error && (
        <p className="error" role="alert">
          Nothing was assigned: {bulk.error.message}
        </p>
      )}
      {done.length > 0 && (
        <div className="mgr-ok" role="status">
          <p>
            Assigned {done.length} {done.length === 1 ? "repair" : "repairs"}:
          </p>
          <ul className="mgr-plain">
            {done.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
