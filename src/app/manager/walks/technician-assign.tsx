"use client";
// The assign control of a planned walk: the technicians it is given, in the order given, and
// "Unassigned". The screen passes the technicians the customer accepts; a ranked list (best
// first, with a note per option) can be passed the same way.
import { useId, useState } from "react";

export type TechnicianOption = { id: string; name: string; note?: string };

export function TechnicianAssign({
  options,
  current,
  recommended,
  pending,
  onAssign,
}: {
  options: readonly TechnicianOption[];
  current: string | null;
  /** Smart assignment's first choice: offered as one tap. */
  recommended?: TechnicianOption;
  pending: boolean;
  onAssign: (technicianId: string | null) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState(current ?? "");
  return (
    <div className="mgr-inline-form">
      {recommended && recommended.id !== current && (
        <button type="button" disabled={pending} onClick={() => onAssign(recommended.id)}>
          Assign to {recommended.name} (recommended)
        </button>
      )}
      <label htmlFor={id}>Technician</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Unassigned</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.note ? `${o.name} (${o.note})` : o.name}
          </option>
        ))}
      </select>
      <button type="button" disabled={pending || choice === (current ?? "")} onClick={() => onAssign(choice || null)}>
        Assign
      </button>
    </div>
  );
}
