import { DomainError } from "./errors";

// The business's calendar (its own time zone), not UTC's. The volume discount counts a
// customer's completed repairs per calendar month as the business sees it: a repair finished
// at 8 pm on Oct 31 in Phoenix belongs to October even though it is November in UTC.

export class InvalidBusinessTime extends DomainError {
  readonly code = "INVALID_BUSINESS_TIME";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US-u-nu-latn", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      throw new InvalidBusinessTime(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Year, month and day of `date` on the business's calendar, zero-padded. */
function calendarDate(date: Date, timeZone: string): { year: string; month: string; day: string } {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InvalidBusinessTime(`not a valid date: ${String(date)}`);
  }
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  const [year, month, day] = [part("year"), part("month"), part("day")];
  if (!year || !month || !day)
    throw new InvalidBusinessTime(`cannot read the date of ${date.toISOString()} in ${timeZone}`);
  return { year: year.padStart(4, "0"), month: month.padStart(2, "0"), day: day.padStart(2, "0") };
}

/** "2026-11": the calendar month of `date` in the business time zone (an IANA name). */
export function monthKey(date: Date, timeZone: string): string {
  const { year, month } = calendarDate(date, timeZone);
  return `${year}-${month}`;
}

/** How many of `dates` fall in the same business month as `reference` (counts come from history, not a counter). */
export function countInSameMonth(dates: readonly Date[], reference: Date, timeZone: string): number {
  const key = monthKey(reference, timeZone);
  return dates.filter((d) => monthKey(d, timeZone) === key).length;
}

/**
 * "2026-11-30": the business day of `date`. "Today" on a manager's team board is the business's
 * day: a repair finished at 9 pm in Denver counts for that day even though it is tomorrow in UTC.
 */
export function dayKey(date: Date, timeZone: string): string {
  const { year, month, day } = calendarDate(date, timeZone);
  return `${year}-${month}-${day}`;
}

export function sameBusinessDay(a: Date, b: Date, timeZone: string): boolean {
  return dayKey(a, timeZone) === dayKey(b, timeZone);
}

/** The calendar year of `date` in the business time zone (model years are checked against it). */
export function businessYear(date: Date, timeZone: string): number {
  return Number(calendarDate(date, timeZone).year);
}
