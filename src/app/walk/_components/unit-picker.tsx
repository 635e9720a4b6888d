"use client";
// Choose the vehicle. A typed number that names one known unit ("105" for SR-105) resolves to
// it; a new unit is added only by the explicit "Add new unit …" choice, so a typo never starts a
// second fleet record with its own price history. Work already open on the unit is shown first.
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  FIELDS,
  type NewUnitFacts,
  PRICE_FROZEN_STATUSES,
  STATUS_LABELS,
  damageLabel,
  isStatus,
  isTerminal,
  normalizeUnitNumber,
  resolveUnitEntry,
} from "~/domain";
import { type SnapshotUnitRow, rsDb } from "~/client/store/db";
import { capturedOnUnit } from "~/client/store/walk-captures";
import { useLiveQuery } from "../_hooks/use-live-query";
import { DoWorkNow } from "./my-work";

const QUICK_PICKS = 6;

export function UnitPicker({
  customerId,
  walkId,
  onPick,
  autoFocus = false,
}: {
  customerId: string;
  walkId: string;
  onPick: (unitNumber: string, newUnit?: NewUnitFacts) => void;
  /** Just after a save: the next unit number is what the technician types next. */
  autoFocus?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const units =
    useLiveQuery(
      () => rsDb().snapshotUnits.where("customerId").equals(customerId).sortBy("unitNumber"),
      `units-${customerId}`,
    ) ?? [];
  const [typed, setTyped] = useState("");
  const entry = resolveUnitEntry(typed, units);
  const chosen = entry.kind === "known" || entry.kind === "match" ? entry.unit : null;
  const newNumber = entry.kind === "new" || entry.kind === "match" || entry.kind === "ambiguous" ? entry.typed : null;
  const picks = entry.kind === "ambiguous" ? entry.candidates.slice(0, QUICK_PICKS) : quickPicks(units, typed, chosen);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) onPick(chosen.unitNumber);
    else if (entry.kind === "new") onPick(entry.typed);
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="unit-title">
      <h2 id="unit-title">Add a unit</h2>
      <label htmlFor="unit-number">{FIELDS.unitNumber.label}</label>
      <input
        ref={input}
        id="unit-number"
        list="known-units"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={FIELDS.unitNumber.maxLength}
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
      <div id="unit-hint" aria-live="polite">
        {entry.kind === "empty" && <p className="muted">{units.length} known units for this customer.</p>}
        {chosen && (
          <UnitFacts unit={chosen} matchedFrom={entry.kind === "match" ? entry.typed : null} walkId={walkId} />
        )}
        {entry.kind === "ambiguous" && (
          <p className="muted">
            {entry.candidates.length} units match {entry.typed}: pick one, or add a new unit.
          </p>
        )}
        {entry.kind === "new" && <p className="muted">Not in this customer&apos;s fleet: it will be added to it.</p>}
      </div>
      {picks.length > 0 && (
        <div className="chips" role="group" aria-label="Matching units">
          {picks.map((u) => (
            <button key={u.id} type="button" className="secondary" onClick={() => onPick(u.unitNumber)}>
              {u.unitNumber}
            </button>
          ))}
        </div>
      )}
      <div className="row">
        <button type="submit" disabled={!chosen && entry.kind !== "new"}>
          {chosen ? `Add unit ${chosen.unitNumber}` : entry.kind === "new" ? `Add new unit ${entry.typed}` : "Add unit"}
        </button>
        {newNumber && entry.kind !== "new" && (
          <button type="button" className="secondary" onClick={() => onPick(newNumber)}>
            Add new unit {newNumber}
          </button>
        )}
      </div>
    </form>
  );
}

/** Other units containing what was typed, to tap instead of typing the rest. */
function quickPicks(units: SnapshotUnitRow[], typed: string, chosen: SnapshotUnitRow | null): SnapshotUnitRow[] {
  const wanted = normalizeUnitNumber(typed);
  if (!wanted) return [];
  return units.filter((u) => u.unitNumber.toUpperCase().includes(wanted) && u.id !== chosen?.id).slice(0, QUICK_PICKS);
}

/** What the technician should know before adding damage: which vehicle, its history, open work. */
function UnitFacts({
  unit,
  matchedFrom,
  walkId,
}: {
  unit: SnapshotUnitRow;
  matchedFrom: string | null;
  walkId: string;
}) {
  const done = unit.completedOnWindshield;
  const open = unit.history.filter(
    (r) => isStatus(r.status) && !isTerminal(r.status) && !PRICE_FROZEN_STATUSES.includes(r.status),
  );
  const alreadyHere =
    useLiveQuery(
      async () => (await capturedOnUnit(rsDb(), walkId, unit.unitNumber)).length,
      `captured-${walkId}-${unit.unitNumber}`,
    ) ?? 0;
  return (
    <>
      <p className="muted">
        {matchedFrom && (
          <>
            {matchedFrom} is unit {unit.unitNumber}.{" "}
          </>
        )}
        {[unit.make, unit.model].filter(Boolean).join(" ") || "Known unit"} · {done} completed repair
        {done === 1 ? "" : "s"} on this windshield
      </p>
      {alreadyHere > 0 && (
        <p className="notice">
          Already captured on this walk ({alreadyHere} damage{alreadyHere === 1 ? "" : "s"}): the next damage is added
          to the same job.
        </p>
      )}
      {unit.openRepairs > 0 && (
        <div className="notice" role="note">
          <p>
            {unit.openRepairs} open repair{unit.openRepairs === 1 ? "" : "s"} on this unit. Check it is not the damage
            you are about to add.
          </p>
          {open.length > 0 && (
            <ul>
              {open.map((r) => (
                <li key={r.id}>
                  {damageLabel(r.damageType)} · {isStatus(r.status) ? STATUS_LABELS[r.status] : r.status}{" "}
                  <DoWorkNow repairId={r.id} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
