import { DomainError } from "./errors";

// The volume discount counts a customer's completed repairs per calendar month as the
// business sees it (its own time zone), not per UTC month: a repair finished at
// 8 pm on Oct 31 in Phoenix belongs to October even though it is November in UTC.

export class InvalidBusinessTime extends DomainError {
  readonly code = "INVALID_BUSINESS_TIME";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US-u-nu-latn", { timeZone, year: "numeric", month: "2-digit" });
    } catch {
      throw new InvalidBusinessTime(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "2026-11": the calendar month of `date` in the business time zone (an IANA name). */
export function monthKey(date: Date, timeZone: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InvalidBusinessTime(`not a valid date: ${String(date)}`);
  }
  const parts = formatterFor(timeZone).formatToParts(date);
  const year = parts.find((p) => p.type === "year")?.value;
  const month = parts.find((p) => p.type === "month")?.value;
  if (!year || !month) throw new InvalidBusinessTime(`cannot read the month of ${date.toISOString()} in ${timeZone}`);
  return `${year.padStart(4, "0")}-${month.padStart(2, "0")}`;
}

/** How many of `dates` fall in the same business month as `reference` (counts come from history, not a counter). */
export function countInSameMonth(dates: readonly Date[], reference: Date, timeZone: string): number {
  const key = monthKey(reference, timeZone);
  return dates.filter((d) => monthKey(d, timeZone) === key).length;
}
