// What a code read by the camera means on the lot, among the current customer's units only (a tag
// or VIN of another customer's vehicle is never a match): a known unit by its asset tag, its VIN
// or its unit number; a new vehicle by a checked VIN, prefilled from it; or a VIN that was misread.
import { normalizeAssetTag } from "./asset-tag";
import { resolveUnitEntry } from "./unit-number";
import { type VinFacts, checkVin, decodeVin, looksLikeVin, normalizeVin } from "./vin";

export type ScannableUnit = { unitNumber: string; assetTag?: string | null; vin?: string | null };

export type ScanMatch<U> =
  | { kind: "unit"; unit: U; by: "asset tag" | "VIN" | "unit number" }
  /** A VIN with a right check digit that no unit of this customer has: offer "Add new unit". */
  | { kind: "new-vehicle"; facts: VinFacts }
  | { kind: "bad-vin"; problem: string }
  /** Some other text: put in the unit field, where typing rules take over. */
  | { kind: "text"; text: string }
  | { kind: "unreadable" };

const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S} ]+$/u;
const MAX_CODE_LENGTH = 200;

export function matchScannedCode<U extends ScannableUnit>(
  raw: string,
  units: readonly U[],
  currentYear: number,
): ScanMatch<U> {
  const text = raw.normalize("NFC").trim();
  if (!text || text.length > MAX_CODE_LENGTH || !PRINTABLE.test(text)) return { kind: "unreadable" };
  const tag = normalizeAssetTag(text);
  const byTag = units.find((u) => u.assetTag && normalizeAssetTag(u.assetTag) === tag);
  if (byTag) return { kind: "unit", unit: byTag, by: "asset tag" };
  const vin = normalizeVin(text);
  if (looksLikeVin(vin)) {
    const byVin = units.find((u) => u.vin && normalizeVin(u.vin) === vin);
    if (byVin) return { kind: "unit", unit: byVin, by: "VIN" };
    const check = checkVin(vin);
    return check.ok
      ? { kind: "new-vehicle", facts: decodeVin(check.vin, currentYear) }
      : { kind: "bad-vin", problem: check.problem };
  }
  const entry = resolveUnitEntry(text, units);
  if (entry.kind === "known") return { kind: "unit", unit: entry.unit, by: "unit number" };
  return { kind: "text", text };
}
