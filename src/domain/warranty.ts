// Warranty: a repair is guaranteed for a period after completion that depends on its damage
// type. A claim within it makes a follow-up repair linked to the original, priced $0 (source
// WARRANTY), that counts as a callback of the original technician.
import type { DamageTypeName } from "./damage";
import type { Status } from "./status";

/** Months of warranty per damage type: a resin-filled chip holds; a crack is likelier to run on. */
export const WARRANTY_MONTHS_DEFAULT: Record<DamageTypeName, number> = {
  CHIP: 12,
  CRACK: 6,
  STAR_BREAK: 12,
  BULLS_EYE: 12,
  COMBINATION_BREAK: 6,
  HALF_MOON: 12,
  OTHER: 6,
  UNKNOWN: 6,
};

/** The last day a repair completed on `completedOn` is under warranty ("yyyy-mm-dd", inclusive). */
export function warrantyEndsOn(completedOn: string, months: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(completedOn)) throw new RangeError("a date is yyyy-mm-dd");
  if (!Number.isInteger(months) || months < 0) throw new RangeError("months are a whole number from 0");
  const [y, m, d] = completedOn.split("-").map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  // The same day of the month, or the month's last day when it has none (Jan 31 + 1 month = Feb 28/29).
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(year, month, Math.min(d, lastDay)));
  return end.toISOString().slice(0, 10);
}

const DONE: readonly Status[] = ["COMPLETED", "INVOICED", "CLOSED"];

export type WarrantyClaimProblem =
  { code: "WARRANTY_NOT_COMPLETED"; message: string } | { code: "WARRANTY_EXPIRED"; message: string; endedOn: string };

/** Why a claim on this repair is refused today ("yyyy-mm-dd"), or null when it is under warranty. */
export function warrantyClaimProblem(
  repair: { status: Status; completedOn: string | null; damageType: DamageTypeName },
  monthsByType: Record<string, number>,
  today: string,
): WarrantyClaimProblem | null {
  if (!DONE.includes(repair.status) || !repair.completedOn)
    return { code: "WARRANTY_NOT_COMPLETED", message: "Only a completed repair is under warranty." };
  const months = monthsByType[repair.damageType] ?? 0;
  const endedOn = warrantyEndsOn(repair.completedOn, months);
  if (today > endedOn)
    return { code: "WARRANTY_EXPIRED", message: `The warranty of this repair ended on ${endedOn}.`, endedOn };
  return null;
}

/**
 * Whether a completed repair counts in the pricing history (the tier ordinal of the windshield's
 * next break, and the customer's monthly count for the volume discount). A warranty redo does
 * not: it redoes the original's work for $0 and is not a new break, so the next break is priced
 * as if the redo never happened. The redo itself is frozen at $0 (source WARRANTY) with no tier
 * ordinal: an ordinal names a position in the windshield's priced history, which it has none of.
 */
export function countsInPricingHistory(repair: { warrantyOfId: string | null }): boolean {
  return repair.warrantyOfId === null;
}
