"use client";
// A searchable unit picker: fleets have 140+ units, too many for a plain list. Typing narrows
// the fleet by unit number, VIN, make or model (the spelling of normalizeUnitNumber, so "van 7"
// finds "VAN 7"); the first matches are shown as buttons.
import { useMemo, useState } from "react";
import { normalizeUnitNumber } from "~/domain";

export type PickableUnit = {
  id: string;
  unitNumber: string;
  make: string | null;
  model: string | null;
  vin?: string | null;
};

const SHOWN = 12;

export function UnitPicker({
  id,
  units,
  value,
  onChange,
  disabled,
}: {
  id: string;
  units: readonly PickableUnit[];
  value: string;
  onChange: (unitId: string) => void;
  disabled?: boolean;
}) {
  const [query, setQuery] = useState("");
  const chosen = units.find((u) => u.id === value) ?? null;
  const matches = useMemo(() => {
    const q = normalizeUnitNumber(query);
    if (!q) return units.slice(0, SHOWN);
    return units
      .filter((u) =>
        [u.unitNumber, u.vin ?? "", u.make ?? "", u.model ?? ""].some((text) => text.toUpperCase().includes(q)),
      )
      .sort((a, b) => Number(!a.unitNumber.startsWith(q)) - Number(!b.unitNumber.startsWith(q)))
      .slice(0, SHOWN);
  }, [query, units]);
  const label = (u: PickableUnit) => `${u.unitNumber}${u.make ? ` · ${u.make} ${u.model ?? ""}` : ""}`;
  return (
    <div className="unit-picker">
      {chosen && (
        <p data-testid={`${id}-chosen`}>
          Unit: <strong>{label(chosen)}</strong>{" "}
          <button type="button" className="secondary" onClick={() => onChange("")} disabled={disabled}>
            Change
          </button>
        </p>
      )}
      {!chosen && (
        <>
          <input
            id={id}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={`Search ${units.length} units by number, VIN, make…`}
            disabled={disabled}
            autoComplete="off"
          />
          {/* A group of buttons, as on /walk: an option holding a button would nest two controls. */}
          <div role="group" aria-label="Matching units">
            <ul className="unit-matches">
              {matches.map((u) => (
                <li key={u.id}>
                  <button type="button" className="secondary" onClick={() => onChange(u.id)} disabled={disabled}>
                    {label(u)}
                  </button>
                </li>
              ))}
              {matches.length === 0 && <li className="muted">No unit matches “{query}”.</li>}
            </ul>
          </div>
        </>
      )}
    </div>
  );
}
