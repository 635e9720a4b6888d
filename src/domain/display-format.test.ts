// The real Intl is the oracle: every formatter must give exactly what the en-US call it replaces
// gives, in whatever time zone the run uses (try TZ=America/Denver, TZ=Asia/Kolkata, TZ=UTC).
import { describe, expect, it } from "vitest";
import {
  clock24Text,
  dateText,
  dateTimeText,
  dayMonthText,
  groupedInteger,
  hourMinuteText,
  localIsoDate,
  shortDateTimeText,
  timeText,
  utcWeekdayMonthDayText,
  weekdayDateTimeText,
  weekdayMonthDayText,
} from "./display-format";

const HOUR = 3_600_000;

/** Local dates over many years, every month, single- and double-digit days (so every weekday), edge hours. */
function sampleDates(): Date[] {
  const dates: Date[] = [];
  const years = [1970, 1999, 2000, 2009, 2024, 2026, 2038, 2099];
  const days = [1, 7, 9, 10, 15, 28, 31];
  const times: [number, number, number][] = [
    [0, 0, 0],
    [0, 4, 9],
    [1, 0, 5],
    [9, 59, 59],
    [11, 59, 1],
    [12, 0, 0],
    [12, 30, 45],
    [13, 5, 33],
    [22, 10, 0],
    [23, 59, 59],
  ];
  let i = 0;
  for (const year of years)
    for (let month = 0; month < 12; month++)
      for (const day of days) {
        const [h, m, s] = times[i++ % times.length]!;
        dates.push(new Date(year, month, day, h, m, s));
      }
  // Every quarter hour around this zone's clock changes and around New Year, by instant.
  for (const start of [Date.UTC(2026, 2, 7), Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24), Date.UTC(2026, 10, 0)])
    for (let t = start; t < start + 48 * HOUR; t += HOUR / 4) dates.push(new Date(t));
  for (let t = Date.UTC(2025, 11, 31); t < Date.UTC(2026, 0, 2); t += HOUR) dates.push(new Date(t));
  return dates;
}

const DATES = sampleDates();

const CASES: [string, (d: Date) => string, (d: Date) => string][] = [
  ["dateTimeText", dateTimeText, (d) => d.toLocaleString("en-US")],
  ["dateText", dateText, (d) => d.toLocaleDateString("en-US")],
  ["timeText", timeText, (d) => d.toLocaleTimeString("en-US")],
  ["hourMinuteText", hourMinuteText, (d) => d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" })],
  [
    "clock24Text",
    clock24Text,
    (d) => d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  ],
  ["dayMonthText", dayMonthText, (d) => d.toLocaleDateString("en-US", { day: "numeric", month: "short" })],
  [
    "weekdayMonthDayText",
    weekdayMonthDayText,
    (d) => d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" }),
  ],
  [
    "utcWeekdayMonthDayText",
    utcWeekdayMonthDayText,
    (d) => d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }),
  ],
  [
    "weekdayDateTimeText",
    weekdayDateTimeText,
    (d) =>
      d.toLocaleString("en-US", {
        weekday: "short",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
      }),
  ],
  [
    "shortDateTimeText",
    shortDateTimeText,
    (d) => new Intl.DateTimeFormat("en-US", { dateStyle: "short", timeStyle: "short" }).format(d),
  ],
  ["localIsoDate", localIsoDate, (d) => d.toLocaleDateString("en-CA")],
];

describe("date formatters match en-US Intl", () => {
  it("samples every month, weekday and edge hour", () => {
    expect(DATES.length).toBeGreaterThan(700);
    expect(new Set(DATES.map((d) => d.getDay())).size).toBe(7);
    expect(new Set(DATES.map((d) => d.getMonth())).size).toBe(12);
    expect(new Set(DATES.map((d) => d.getHours()))).toEqual(new Set(Array.from({ length: 24 }, (_, h) => h)));
  });

  it.each(CASES)("%s", (_, ours, intl) => {
    const wrong = DATES.filter((d) => ours(d) !== intl(d)).map(
      (d) => `${d.toISOString()}: ${JSON.stringify(ours(d))} ≠ ${JSON.stringify(intl(d))}`,
    );
    expect(wrong).toEqual([]);
  });

  it("gives the examples, with the separators Node and Chromium use", () => {
    const d = new Date(2026, 11, 7, 14, 5, 33);
    expect(dateTimeText(d)).toBe("12/7/2026, 2:05:33 PM");
    expect(dateText(d)).toBe("12/7/2026");
    expect(timeText(d)).toBe("2:05:33 PM");
    expect(hourMinuteText(d)).toBe("02:05 PM");
    expect(clock24Text(d)).toBe("14:05");
    expect(dayMonthText(d)).toBe("Dec 7");
    expect(weekdayMonthDayText(d)).toBe("Mon, Dec 7");
    expect(utcWeekdayMonthDayText(new Date("2026-12-07T12:00:00Z"))).toBe("Mon, Dec 7");
    expect(weekdayDateTimeText(d)).toBe("Mon, Dec 7, 2:05 PM");
    expect(shortDateTimeText(d)).toBe("12/7/26, 2:05 PM");
    expect(localIsoDate(d)).toBe("2026-12-07");
    const midnight = new Date(2026, 0, 3, 0, 4, 9);
    expect(dateTimeText(midnight)).toBe("1/3/2026, 12:04:09 AM");
    expect(hourMinuteText(midnight)).toBe("12:04 AM");
    expect(clock24Text(midnight)).toBe("00:04");
  });

  it.each(CASES.filter(([name]) => name !== "shortDateTimeText"))("%s: an invalid date", (_, ours, intl) => {
    expect(ours(new Date(Number.NaN))).toBe(intl(new Date(Number.NaN)));
  });

  it("shortDateTimeText: an invalid date reads Invalid Date where Intl would throw", () => {
    expect(shortDateTimeText(new Date(Number.NaN))).toBe("Invalid Date");
  });
});

describe("groupedInteger", () => {
  it.each([0, 7, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 1_234_567, -1, -999, -1000, -1234, -0, 1e21, 2 ** 53])(
    "%s as en-US",
    (n) => {
      expect(groupedInteger(n)).toBe(n.toLocaleString("en-US"));
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("%s as en-US", (n) => {
    expect(groupedInteger(n)).toBe(n.toLocaleString("en-US"));
  });

  it.each([
    [1234.4, "1,234"],
    [1234.5, "1,235"],
    [-1234.6, "-1,235"],
    [0.2, "0"],
  ])("rounds the non-integer %s to %s", (n, text) => {
    expect(groupedInteger(n)).toBe(text);
  });

  it("matches Math.round(v) with en-US grouping, as the analytics chart's axis did", () => {
    for (const v of [0.4, 999.5, 1499.49, 123_456.78, -0.4, -2.5, -1234.5])
      expect(groupedInteger(v)).toBe(Math.round(v).toLocaleString("en-US"));
  });
});
