// Dates and numbers as the screens show them, built from plain Date getters instead of Intl or
// toLocale*(): in a fresh browser renderer the first Intl use starts ICU (30–100 ms of main thread,
// one long task during page load) and each toLocaleDateString(locale, options) builds a formatter.
// The output is byte for byte what en-US (the app's only locale) gives in Node and Chromium, local
// time zone included; display-format.test.ts checks that against the real Intl. Years 1 and later.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const INVALID = "Invalid Date";

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const valid = (d: Date) => !Number.isNaN(d.getTime());

/** "12/7/2026": month/day/numeric year, local time. */
const numericDate = (d: Date) => `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
/** "12/7/26": the short date style's two-digit year. */
const shortDate = (d: Date) => `${d.getMonth() + 1}/${d.getDate()}/${pad2(d.getFullYear() % 100)}`;
/** "Mon, Dec 7" */
const weekdayMonthDay = (weekday: number, month: number, day: number) =>
  `${WEEKDAYS[weekday]}, ${MONTHS[month]} ${day}`;
/** 0..23 -> 12, 1..11, 12, 1..11 */
const hour12 = (d: Date) => d.getHours() % 12 || 12;
const dayPeriod = (d: Date) => (d.getHours() < 12 ? "AM" : "PM");
/** "2:05 PM" */
const hourMinute = (d: Date) => `${hour12(d)}:${pad2(d.getMinutes())} ${dayPeriod(d)}`;
/** "2:05:33 PM" */
const hourMinuteSecond = (d: Date) => `${hour12(d)}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())} ${dayPeriod(d)}`;

/** `d.toLocaleString("en-US")`: "12/7/2026, 2:05:33 PM". */
export function dateTimeText(d: Date): string {
  return valid(d) ? `${numericDate(d)}, ${hourMinuteSecond(d)}` : INVALID;
}

/** `d.toLocaleDateString("en-US")`: "12/7/2026". */
export function dateText(d: Date): string {
  return valid(d) ? numericDate(d) : INVALID;
}

/** `d.toLocaleTimeString("en-US")`: "2:05:33 PM". */
export function timeText(d: Date): string {
  return valid(d) ? hourMinuteSecond(d) : INVALID;
}

/** `d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" })`: "02:05 PM", "12:04 AM". */
export function hourMinuteText(d: Date): string {
  return valid(d) ? `${pad2(hour12(d))}:${pad2(d.getMinutes())} ${dayPeriod(d)}` : INVALID;
}

/** `d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })`: "14:05", "00:04". */
export function clock24Text(d: Date): string {
  return valid(d) ? `${pad2(d.getHours())}:${pad2(d.getMinutes())}` : INVALID;
}

/** `d.toLocaleDateString("en-US", { day: "numeric", month: "short" })`: "Dec 7". */
export function dayMonthText(d: Date): string {
  return valid(d) ? `${MONTHS[d.getMonth()]} ${d.getDate()}` : INVALID;
}

/** `d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" })`: "Mon, Dec 7". */
export function weekdayMonthDayText(d: Date): string {
  return valid(d) ? weekdayMonthDay(d.getDay(), d.getMonth(), d.getDate()) : INVALID;
}

/** weekdayMonthDayText in UTC (`timeZone: "UTC"`): for calendar days kept as "YYYY-MM-DD" strings. */
export function utcWeekdayMonthDayText(d: Date): string {
  return valid(d) ? weekdayMonthDay(d.getUTCDay(), d.getUTCMonth(), d.getUTCDate()) : INVALID;
}

/**
 * `d.toLocaleString("en-US", { weekday: "short", month: "short", day: "numeric", hour: "numeric",
 * minute: "2-digit" })`: "Mon, Dec 7, 2:05 PM".
 */
export function weekdayDateTimeText(d: Date): string {
  return valid(d) ? `${weekdayMonthDay(d.getDay(), d.getMonth(), d.getDate())}, ${hourMinute(d)}` : INVALID;
}

/**
 * `new Intl.DateTimeFormat("en-US", { dateStyle: "short", timeStyle: "short" }).format(d)`:
 * "12/7/26, 2:05 PM". Where that throws a RangeError for an invalid date, this gives "Invalid Date".
 */
export function shortDateTimeText(d: Date): string {
  return valid(d) ? `${shortDate(d)}, ${hourMinute(d)}` : INVALID;
}

/**
 * `d.toLocaleDateString("en-CA")`: the local calendar day as "2026-12-07" (what a date input takes).
 * Like en-CA, the year is not padded below 1000.
 */
export function localIsoDate(d: Date): string {
  return valid(d) ? `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}` : INVALID;
}

/**
 * `n.toLocaleString("en-US")` for integers: "1,234", "-1,234", "0" (and "-0" for -0, as en-US does).
 * A non-integer is first rounded with Math.round (en-US would show up to three decimals instead):
 * the screens pass counts of points and whole dollars. NaN and ±Infinity give "NaN", "∞", "-∞".
 */
export function groupedInteger(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "-∞";
  const whole = Math.round(n);
  const sign = whole < 0 || Object.is(whole, -0) ? "-" : "";
  // BigInt spells every digit of a large integer where String() would switch to "1e+21".
  const digits = BigInt(Math.abs(whole)).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
