"use client";
// Choose the vehicle. A typed number that names one known unit ("105" for SR-105) resolves to
// it; a new unit is added only by the explicit "Add new unit …" choice, so a typo never starts a
// second fleet record with its own price history. Work already open on the unit is shown first.
// Scan reads an asset tag or VIN label instead of typing (its code loads on the first tap); an
// unknown VIN with a right check digit prefills the new unit's year and make. A photo of a painted
// number proposes the unit it names (OCR is never applied without the technician's tap).
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import {
  FIELDS,
  type NewUnitFacts,
  PRICE_FROZEN_STATUSES,
  STATUS_LABELS,
  damageLabel,
  isStatus,
  isTerminal,
  matchScannedCode,
  normalizeUnitNumber,
  type OcrSuggestion,
  resolveUnitEntry,
  suggestUnitFromOcr,
} from "~/domain";
import type { ScannedCode } from "~/client/scan/scan-protocol";
import { type SnapshotUnitRow, rsDb } from "~/client/store/db";
import { capturedOnUnit } from "~/client/store/walk-captures";
import { useLiveQuery } from "../_hooks/use-live-query";
import { lazyComponent } from "../_lib/lazy-component";
import { DoWorkNow } from "./my-work";

const QUICK_PICKS = 6;
const scanPanel = lazyComponent(() => import("./scan-panel").then((m) => m.ScanPanel));

/** A vehicle read from its VIN, not in the fleet yet: year and make as the technician may correct them. */
type NewVehicle = { vin: string; year: string; make: string };
type ScanNote = { text: string; problem: boolean };

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
  const [scanning, setScanning] = useState(false);
  const [scanNote, setScanNote] = useState<ScanNote | null>(null);
  const [vehicle, setVehicle] = useState<NewVehicle | null>(null);
  const [painted, setPainted] = useState<OcrSuggestion<SnapshotUnitRow> | null>(null);
  const Scanner = scanPanel.useLoaded({ load: false });
  const entry = resolveUnitEntry(typed, units);
  const chosen = entry.kind === "known" || entry.kind === "match" ? entry.unit : null;
  const newNumber = entry.kind === "new" || entry.kind === "match" || entry.kind === "ambiguous" ? entry.typed : null;
  const picks = entry.kind === "ambiguous" ? entry.candidates.slice(0, QUICK_PICKS) : quickPicks(units, typed, chosen);

  const unitsRef = useRef(units);
  unitsRef.current = units;
  const onCodes = useCallback((codes: ScannedCode[]) => {
    const year = new Date().getFullYear();
    const matches = codes.map((c) => matchScannedCode(c.value, unitsRef.current, year));
    const best =
      matches.find((m) => m.kind === "unit") ??
      matches.find((m) => m.kind === "new-vehicle") ??
      matches.find((m) => m.kind === "bad-vin") ??
      matches.find((m) => m.kind === "text") ??
      matches[0];
    if (!best || best.kind === "unreadable") {
      setScanNote({
        text: "The code could not be read: try again, closer and sharper, or type the number.",
        problem: true,
      });
      return;
    }
    if (best.kind === "bad-vin") {
      setScanNote({ text: best.problem, problem: true });
      return;
    }
    setScanning(false);
    if (best.kind === "unit") {
      setVehicle(null);
      setTyped(best.unit.unitNumber);
      setScanNote({ text: `Scanned ${best.by}: unit ${best.unit.unitNumber}.`, problem: false });
    } else if (best.kind === "new-vehicle") {
      const { facts } = best;
      setVehicle({ vin: facts.vin, year: facts.year === null ? "" : String(facts.year), make: facts.make ?? "" });
      setTyped("");
      setScanNote({
        text: `VIN ${facts.vin} is not in this customer's fleet: type its unit number to add it.`,
        problem: false,
      });
      input.current?.focus();
    } else {
      setVehicle(null);
      setTyped(best.text);
      setScanNote({ text: `Scanned "${best.text}".`, problem: false });
    }
  }, []);

  const onPaintedText = useCallback((text: string) => {
    const suggestion = suggestUnitFromOcr(text, unitsRef.current);
    setScanNote(
      suggestion.kind === "nothing"
        ? {
            text: "No unit number could be read from this photo: take it closer and straight on, or type the number.",
            problem: true,
          }
        : null,
    );
    setPainted(suggestion.kind === "nothing" ? null : suggestion);
  }, []);

  /** The technician confirms what OCR read: it then stands as if typed. */
  function acceptPainted(unitNumber: string) {
    setPainted(null);
    setVehicle(null);
    setScanning(false);
    setTyped(unitNumber);
  }

  /** The facts a new unit is created with when it was scanned from its VIN. */
  function newUnitFacts(): NewUnitFacts | undefined {
    if (!vehicle) return undefined;
    const year = /^\d{4}$/.test(vehicle.year.trim()) ? Number(vehicle.year.trim()) : null;
    return { vin: vehicle.vin, make: vehicle.make.trim() || null, year };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) onPick(chosen.unitNumber);
    else if (entry.kind === "new") onPick(entry.typed, newUnitFacts());
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="unit-title">
      <h2 id="unit-title">Add a unit</h2>
      <label htmlFor="unit-number">{FIELDS.unitNumber.label}</label>
      <div className="row unit-entry">
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
        <button
          type="button"
          className="secondary"
          aria-expanded={scanning}
          onClick={() => {
            void scanPanel.preload();
            setScanning((open) => !open);
            setScanNote(null);
          }}
        >
          Scan
        </button>
      </div>
      {scanning &&
        (Scanner.Component ? (
          <Scanner.Component onCodes={onCodes} onPaintedText={onPaintedText} onClose={() => setScanning(false)} />
        ) : (
          <p className={Scanner.failed ? "error" : "muted"} role="status">
            {Scanner.failed
              ? "The scanner could not load: check the connection, or type the number."
              : "Opening the scanner…"}
          </p>
        ))}
      {scanNote && (
        <p className={scanNote.problem ? "error" : "notice"} role={scanNote.problem ? "alert" : "status"}>
          {scanNote.text}
        </p>
      )}
      {painted && painted.kind !== "nothing" && (
        <div className="notice" role="group" aria-label="Read from the photo">
          <p role="status">
            {painted.kind === "unit" && (
              <>
                Read &ldquo;{painted.read}&rdquo;: is it unit {painted.unit.unitNumber}?
              </>
            )}
            {painted.kind === "choose" && (
              <>
                Read &ldquo;{painted.read}&rdquo;: {painted.candidates.length} units match, pick the one on the vehicle.
              </>
            )}
            {painted.kind === "new" && <>Read &ldquo;{painted.read}&rdquo;: not a unit of this customer.</>}
          </p>
          <div className="row">
            {painted.kind === "unit" && (
              <button type="button" onClick={() => acceptPainted(painted.unit.unitNumber)}>
                Use unit {painted.unit.unitNumber}
              </button>
            )}
            {painted.kind === "choose" &&
              painted.candidates.slice(0, QUICK_PICKS).map((u) => (
                <button key={u.id} type="button" onClick={() => acceptPainted(u.unitNumber)}>
                  Use unit {u.unitNumber}
                </button>
              ))}
            {painted.kind === "new" && (
              <button type="button" className="secondary" onClick={() => acceptPainted(painted.read)}>
                Use {painted.read}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => setPainted(null)}>
              Not this
            </button>
          </div>
        </div>
      )}
      {vehicle && (
        <fieldset className="new-vehicle">
          <legend>New vehicle from its VIN</legend>
          <p className="muted">VIN {vehicle.vin}</p>
          <label htmlFor="new-vehicle-year">Year</label>
          <input
            id="new-vehicle-year"
            inputMode="numeric"
            maxLength={4}
            value={vehicle.year}
            onChange={(e) => setVehicle({ ...vehicle, year: e.target.value })}
          />
          <label htmlFor="new-vehicle-make">{FIELDS.make.label}</label>
          <input
            id="new-vehicle-make"
            maxLength={FIELDS.make.maxLength}
            value={vehicle.make}
            onChange={(e) => setVehicle({ ...vehicle, make: e.target.value })}
          />
          <button type="button" className="secondary" onClick={() => setVehicle(null)}>
            Not this vehicle
          </button>
        </fieldset>
      )}
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
          <button type="button" className="secondary" onClick={() => onPick(newNumber, newUnitFacts())}>
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
