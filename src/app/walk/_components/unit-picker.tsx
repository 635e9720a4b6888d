"use client";
// Choose the vehicle: type its unit number or pick a known one; a new number is allowed (the
// server adds the unit to the customer's fleet).
import { type FormEvent, useState } from "react";
import { rsDb } from "~/client/store/db";
import { useLiveQuery } from "../_hooks/use-live-query";

const QUICK_PICKS = 6;

export function UnitPicker({ customerId, onPick }: { customerId: string; onPick: (unitNumber: string) => void }) {
  const units =
    useLiveQuery(
      () => rsDb().snapshotUnits.where("customerId").equals(customerId).sortBy("unitNumber"),
      `units-${customerId}`,
    ) ?? [];
  const [typed, setTyped] = useState("");
  const wanted = typed.trim().toUpperCase();
  const known = units.find((u) => u.unitNumber.toUpperCase() === wanted);
  const matches = wanted
    ? units.filter((u) => u.unitNumber.toUpperCase().includes(wanted) && u !== known).slice(0, QUICK_PICKS)
    : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (wanted) onPick(known?.unitNumber ?? wanted);
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="unit-title">
      <h2 id="unit-title">Add a unit</h2>
      <label htmlFor="unit-number">Unit number</label>
      <input
        id="unit-number"
        list="known-units"
        autoComplete="off"
        autoCapitalize="characters"
        enterKeyHint="go"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        aria-describedby="unit-hint"
      />
      <datalist id="known-units">
        {units.map((u) => (
          <option key={u.id} value={u.unitNumber}>
            {[u.make, u.model].filter(Boolean).join(" ")}
          </option>
        ))}
      </datalist>
      <p id="unit-hint" className="muted">
        {!wanted
          ? `${units.length} known units for this customer.`
          : known
            ? `${[known.make, known.model].filter(Boolean).join(" ") || "Known unit"} · ${known.completedOnWindshield} completed repair${known.completedOnWindshield === 1 ? "" : "s"} on this windshield`
            : "New unit: it will be added to the customer's fleet."}
      </p>
      {matches.length > 0 && (
        <div className="chips" role="group" aria-label="Matching units">
          {matches.map((u) => (
            <button key={u.id} type="button" className="secondary" onClick={() => onPick(u.unitNumber)}>
              {u.unitNumber}
            </button>
          ))}
        </div>
      )}
      <button type="submit" disabled={!wanted}>
        Add unit
      </button>
    </form>
  );
}
