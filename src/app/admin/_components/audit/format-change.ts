// An audited value as a person reads it: money fields (…Cents) as dollars, percentages
// (…BasisPoints) as percent, ids replaced by names where known, nothing as "—".
import { formatBasisPoints, formatCents } from "~/domain";

export type Names = ReadonlyMap<string, string>;

export function formatValue(field: string, value: unknown, names: Names = new Map()): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number" && Number.isSafeInteger(value)) {
    if (field.endsWith("Cents")) return formatCents(value);
    if (field.endsWith("BasisPoints") && value >= 0 && value <= 10_000) return formatBasisPoints(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value))
    return value.length ? value.map((v) => names.get(String(v)) ?? formatValue(field, v, names)).join(", ") : "none";
  if (typeof value === "object") return JSON.stringify(value);
  return names.get(String(value)) ?? String(value);
}
