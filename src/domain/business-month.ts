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

/**
 * The first instant of business day `day` ("2026-11-30"): its midnight in the business time zone, or
 * the first minute of the day where a clock change skips midnight. Found by halving, since the day of
 * an instant only moves forward with time; every zone's midnight lies within 14 hours of UTC's.
 */
export function businessDayStart(day: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new InvalidBusinessTime(`not a day: "${day}"`);
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const MINUTE = 60_000;
  let low = utcMidnight - 15 * 60 * MINUTE; // on an earlier day everywhere
  let high = utcMidnight + 15 * 60 * MINUTE; // on this day or later everywhere
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
    if (dayKey(new Date(middle), timeZone) >= day) high = middle;
    else low = middle;
  }
  return new Date(high);
}

export function sameBusinessDay(a: Date, b: Date, timeZone: string): boolean {
  return dayKey(a, timeZone) === dayKey(b, timeZone);
}

/** The calendar year of `date` in the business time zone (model years are checked against it). */
export function businessYear(date: Date, timeZone: string): number {
  return Number(calendarDate(date, timeZone).year);
}
