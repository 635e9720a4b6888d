"use client";
// Give a repair to a technician, or to another one. The choices are exactly those the server
// would accept (manager.assignableTechnicians: own team, active, not blocked by the customer),
// the customer's preferred first, each with their open work so the load can be spread.
import { type FormEvent, useId, useState } from "react";
import { api } from "~/trpc/react";
import { useRefreshLists } from "./use-refresh-lists";

type Props = { repairId: string; unitNumber: string; verb: "Assign" | "Reassign" };

export function AssignPicker({ repairId, unitNumber, verb }: Props) {
  const id = useId();
  const refresh = useRefreshLists();
  const [open, setOpen] = useState(false);
  const [technicianId, setTechnicianId] = useState("");
  const candidates = api.manager.assignableTechnicians.useQuery({ repairId }, { enabled: open });
  const assign = api.repair.assign.useMutation({
    onSuccess: async () => {
      setOpen(false);
      await refresh();
    },
  });
  const options = candidates.data ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (technicianId) assign.mutate({ repairId, technicianId });
  };

  if (!open) {
    return (
      <div className="mgr-actions">
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {verb}…
        </button>
      </div>
    );
  }
  return (
    <form className="mgr-inline-form" onSubmit={submit}>
      <label htmlFor={id}>Technician for unit {unitNumber}</label>
      {candidates.error ? (
        <p className="error" role="alert">
          {candidates.error.message}
        </p>
      ) : !candidates.isLoading && options.length === 0 ? (
        <p className="empty">Nobody in your team can take this repair (inactive, or blocked by the customer).</p>
      ) : (
        <select
          id={id}
          value={technicianId}
          onChange={(e) => setTechnicianId(e.target.value)}
          disabled={candidates.isLoading}
          required
        >
          <option value="">{candidates.isLoading ? "Loading technicians…" : "Choose a technician"}</option>
          {options.map((t) => (
            <option key={t.technicianId} value={t.technicianId}>
              {t.name} · {t.openRepairs} open{t.preferredByCustomer ? " · preferred by customer" : ""}
            </option>
          ))}
        </select>
      )}
      {assign.error && (
        <p className="error" role="alert">
          {assign.error.message}
        </p>
      )}
      <div className="mgr-actions">
        <button type="submit" disabled={!technicianId || assign.isPending}>
          {assign.isPending ? "Saving…" : verb}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)} disabled={assign.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
