// A unit number is the fleet's own name for a vehicle ("SR-105"), typed on a phone in a parking
// lot, in the office, or imported from the customer's CSV. Every one of those paths must reach
// the same unit, so one rule decides when two spellings are the same number.

/** Trim, collapse inner runs of spaces to one, upper-case (NFC first, so accents compare equal). */
export function normalizeUnitNumber(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ").toUpperCase();
}

/** Letters and digits only: "SR 105", "SR-105" and "sr105" are the same vehicle to a technician. */
function compact(unitNumber: string): string {
  return normalizeUnitNumber(unitNumber).replace(/[^\p{L}\p{N}]/gu, "");
}

export type UnitEntry<U> =
  /** Nothing typed yet. */
  | { kind: "empty" }
  /** The number is a known unit (same number once normalized, or same letters and digits). */
  | { kind: "known"; unit: U }
  /** Only one known unit ends or begins with what was typed: "105" is SR-105. */
  | { kind: "match"; unit: U; typed: string }
  /** Several known units end or begin with it: the technician picks, or adds a new unit. */
  | { kind: "ambiguous"; candidates: U[]; typed: string }
  /** No known unit: adding it is an explicit choice. */
  | { kind: "new"; typed: string };

/** What a typed unit number means among a customer's known units. */
export function resolveUnitEntry<U extends { unitNumber: string }>(raw: string, units: readonly U[]): UnitEntry<U> {
  const typed = normalizeUnitNumber(raw);
  if (!typed) return { kind: "empty" };
  const exact = units.find((u) => normalizeUnitNumber(u.unitNumber) === typed);
  if (exact) return { kind: "known", unit: exact };
  const key = compact(typed);
  if (!key) return { kind: "new", typed };
  const same = units.filter((u) => compact(u.unitNumber) === key);
  if (same.length === 1) return { kind: "known", unit: same[0]! };
  const partial = same.length > 1 ? same : units.filter((u) => isPartOf(key, compact(u.unitNumber)));
  if (partial.length === 1) return { kind: "match", unit: partial[0]!, typed };
  if (partial.length > 1) return { kind: "ambiguous", candidates: partial, typed };
  return { kind: "new", typed };
}

/** "105" is part of "SR105" at either end; a single character never is (too many fleets share it). */
function isPartOf(key: string, unit: string): boolean {
  return key.length >= 2 && (unit.endsWith(key) || unit.startsWith(key));
}
