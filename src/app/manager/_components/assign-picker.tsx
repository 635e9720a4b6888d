"use client";
// Give a repair to a technician, or to another one. The choices are exactly those the server
// would accept (own team, active, not blocked by the customer), ranked by smart assignment
// (assignment.rankForRepair) with each factor's contribution in words; the first is the
// recommendation, any other may be chosen (the server stores whether the pick was overridden).
import { type FormEvent, useId, useState } from "react";
import { api } from "~/trpc/react";
import { useRefreshLists } from "./use-refresh-lists";

type Props = { repairId: string; unitNumber: string; verb: "Assign" | "Reassign" };

export function AssignPicker({ repairId, unitNumber, verb }: Props) {
  const id = useId();
  const refresh = useRefreshLists();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState("");
  const ranking = api.assignment.rankForRepair.useQuery({ repairId }, { enabled: open });
  const assign = api.repair.assign.useMutation({
    onSuccess: async () => {
      setOpen(false);
      setPicked("");
      await refresh();
    },
  });
  const ranked = ranking.data?.ranked ?? [];
  const technicianId = picked || ranked[0]?.technicianId || "";
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
      <fieldset className="mgr-rank" aria-describedby={`${id}-hint`}>
        <legend>Technician for unit {unitNumber}</legend>
        <p className="muted" id={`${id}-hint`}>
          Best first: the first is recommended; any other may be chosen.
        </p>
        {ranking.error ? (
          <p className="error" role="alert">
            {ranking.error.message}
          </p>
        ) : ranking.isLoading ? (
          <p className="muted">Ranking technicians…</p>
        ) : ranked.length === 0 ? (
          <p className="empty">Nobody in your team can take this repair (inactive, or blocked by the customer).</p>
        ) : (
          <ol className="mgr-plain">
            {ranked.map((c, index) => (
              <li key={c.technicianId} className="mgr-rank-row">
                <label className="mgr-check">
                  <input
                    type="radio"
                    name={`${id}-tech`}
                    value={c.technicianId}
                    checked={technicianId === c.technicianId}
                    onChange={() => setPicked(c.technicianId)}
                  />
                  <span>
                    <strong>{c.name}</strong> · score {c.total.toFixed(2)}
                    {index === 0 && <span className="badge mgr-recommended"> Recommended</span>}
                  </span>
                </label>
                <details open={index === 0}>
                  <summary>Why {c.name}</summary>
                  <ul aria-label={`Reasons for ${c.name}`} className="mgr-reasons">
                    {c.factors.map((f) => (
                      <li key={f.factor}>{f.words}</li>
                    ))}
                    {c.preferredBonus > 0 && <li>preferred by the customer: +{c.preferredBonus.toFixed(2)}</li>}
                  </ul>
                </details>
              </li>
            ))}
          </ol>
        )}
        {(ranking.data?.excluded.length ?? 0) > 0 && (
          <details>
            <summary>Not available ({ranking.data!.excluded.length})</summary>
            <ul className="mgr-reasons">
              {ranking.data!.excluded.map((c) => (
                <li key={c.technicianId}>
                  {c.name}: {c.why}
                </li>
              ))}
            </ul>
          </details>
        )}
      </fieldset>
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
