import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnalyticsRepair,
  type InvoiceFacts,
  InvalidPeriod,
  averageCompletionMinutes,
  averageDaysToPay,
  averageResponseMinutes,
  averageStars,
  callbackIds,
  changePercent,
  customerFigures,
  damageTypeDistribution,
  geoCells,
  invoiceAccuracyPercent,
  overdueCents,
  periodSpans,
  plusDays,
  profit,
  resolvePeriod,
  revenueBucketFor,
  revenueSeries,
  technicianFigures,
  utilizationPercent,
  weekdayHourHeat,
  weekdaysIn,
} from "./analytics";

const TZ = "America/Denver"; // UTC−7 in December

let next = 0;
function repair(over: Partial<AnalyticsRepair> & { completedAt: Date }): AnalyticsRepair {
  next += 1;
  return {
    id: `r${next}`,
    technicianId: "tina",
    customerId: "acme",
    unitId: "u1",
    windshieldSeq: 1,
    jobId: null,
    followUpOfId: null,
    origin: "LOT_WALK",
    damageType: "CHIP",
    priceCents: 5000,
    createdAt: new Date(over.completedAt.getTime() - 3 * 3_600_000),
    startedAt: null,
    latitude: null,
    longitude: null,
    ...over,
  };
}
const at = (iso: string) => new Date(iso);

describe("periods", () => {
  const today = "2026-12-06"; // a Sunday
  it("resolves each calendar kind with the one before it", () => {
    expect(resolvePeriod({ kind: "day" }, today)).toMatchObject({
      current: { from: "2026-12-06", to: "2026-12-06", days: 1 },
      previous: { from: "2026-12-05", to: "2026-12-05" },
    });
    expect(resolvePeriod({ kind: "week" }, today)).toMatchObject({
      current: { from: "2026-11-30", to: "2026-12-06", days: 7 },
      previous: { from: "2026-11-23", to: "2026-11-29" },
    });
    expect(resolvePeriod({ kind: "month" }, today)).toMatchObject({
      current: { from: "2026-12-01", to: "2026-12-31", days: 31 },
      previous: { from: "2026-11-01", to: "2026-11-30", days: 30 },
    });
    expect(resolvePeriod({ kind: "quarter", anchor: "2026-02-10" }, today)).toMatchObject({
      current: { from: "2026-01-01", to: "2026-03-31", days: 90 },
      previous: { from: "2025-10-01", to: "2025-12-31", days: 92 },
    });
    expect(resolvePeriod({ kind: "year" }, today)).toMatchObject({
      current: { from: "2026-01-01", to: "2026-12-31", days: 365 },
      previous: { from: "2025-01-01", to: "2025-12-31" },
    });
  });

  it("takes a custom period of up to five years, the previous one as long and just before", () => {
    expect(resolvePeriod({ kind: "custom", from: "2026-03-01", to: "2026-03-10" }, today)).toMatchObject({
      current: { from: "2026-03-01", to: "2026-03-10", days: 10 },
      previous: { from: "2026-02-19", to: "2026-02-28", days: 10 },
    });
    expect(resolvePeriod({ kind: "custom", from: "2021-01-01", to: "2025-12-31" }, today).current.days).toBe(1826);
  });

  it("refuses an end before the start, 20 years, and dates that are not dates", () => {
    const refused = (input: Parameters<typeof resolvePeriod>[0]) => () => resolvePeriod(input, today);
    expect(refused({ kind: "custom", from: "2026-03-10", to: "2026-03-01" })).toThrow(InvalidPeriod);
    expect(refused({ kind: "custom", from: "2006-01-01", to: "2025-12-31" })).toThrow(/at most 5 years/);
    expect(refused({ kind: "custom", from: "2026-02-30", to: "2026-03-01" })).toThrow(InvalidPeriod);
    expect(refused({ kind: "custom", to: "2026-03-01" })).toThrow(InvalidPeriod);
  });

  it("counts weekdays and picks the chart's bucket by length", () => {
    expect(weekdaysIn({ from: "2026-11-30", to: "2026-12-06", days: 7 })).toBe(5);
    expect(revenueBucketFor({ from: "2026-12-01", to: "2026-12-31", days: 31 })).toBe("day");
    expect(revenueBucketFor({ from: "2026-01-01", to: "2026-12-31", days: 365 })).toBe("week");
    expect(revenueBucketFor({ from: "2024-01-01", to: "2026-12-31", days: 1096 })).toBe("month");
  });

  it("a previous period always ends the day before the current one starts (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("day", "week", "month", "quarter", "year" as const),
        fc.integer({ min: 0, max: 20_000 }),
        (kind, offset) => {
          const anchor = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const { current, previous } = resolvePeriod({ kind, anchor }, anchor);
          const dayAfter = new Date(Date.parse(`${previous.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          return dayAfter === current.from && current.from <= anchor && anchor <= current.to;
        },
      ),
    );
  });
});

describe("repair figures", () => {
  // Tina: a 60-minute and a 90-minute repair; Theo: one 30-minute request answered in 20 minutes.
  const rows = [
    repair({ startedAt: at("2026-12-01T16:00:00Z"), completedAt: at("2026-12-01T17:00:00Z"), priceCents: 5000 }),
    repair({
      startedAt: at("2026-12-02T16:00:00Z"),
      completedAt: at("2026-12-02T17:30:00Z"),
      priceCents: 4000,
      damageType: "CRACK",
      latitude: 39.7392,
      longitude: -104.9903,
    }),
    repair({
      technicianId: "theo",
      customerId: "globex",
      unitId: "u9",
      origin: "CUSTOMER_REQUEST",
      createdAt: at("2026-12-03T15:40:00Z"),
      startedAt: at("2026-12-03T16:00:00Z"),
      completedAt: at("2026-12-03T16:30:00Z"),
      priceCents: 3500,
      latitude: 39.7399,
      longitude: -104.9901,
    }),
  ];
  const week = { from: "2026-11-30", to: "2026-12-06", days: 7 };

  it("averages completion and response minutes", () => {
    expect(averageCompletionMinutes(rows)).toBe(60);
    expect(averageResponseMinutes(rows)).toBe(20);
    expect(averageCompletionMinutes([])).toBeNull();
  });

  it("utilization: 180 worked minutes over 2 technicians × 5 weekdays × 8 h", () => {
    expect(utilizationPercent(rows, week)).toBe(Math.round((1000 * 180) / (2 * 5 * 480)) / 10);
    expect(utilizationPercent([], week)).toBeNull();
  });

  it("per technician and per customer", () => {
    expect(technicianFigures(rows, week, new Set(["r-none"]))).toEqual([
      {
        technicianId: "tina",
        repairs: 2,
        repairsPerDay: 0.29,
        averageCompletionMinutes: 75,
        revenueCents: 9000,
        callbackRatePercent: 0,
      },
      {
        technicianId: "theo",
        repairs: 1,
        repairsPerDay: 0.14,
        averageCompletionMinutes: 30,
        revenueCents: 3500,
        callbackRatePercent: 0,
      },
    ]);
    expect(customerFigures(rows)).toEqual([
      { customerId: "acme", repairs: 2, averagePriceCents: 4500, revenueCents: 9000 },
      { customerId: "globex", repairs: 1, averagePriceCents: 3500, revenueCents: 3500 },
    ]);
  });

  it("revenue by day, types, the weekday × hour grid in business time, GPS cells, profit", () => {
    const series = revenueSeries(rows, week, TZ);
    expect(series).toHaveLength(7);
    expect(series.slice(0, 4)).toEqual([
      { start: "2026-11-30", repairs: 0, revenueCents: 0 },
      { start: "2026-12-01", repairs: 1, revenueCents: 5000 },
      { start: "2026-12-02", repairs: 1, revenueCents: 4000 },
      { start: "2026-12-03", repairs: 1, revenueCents: 3500 },
    ]);
    expect(damageTypeDistribution(rows)).toEqual([
      { damageType: "CHIP", repairs: 2 },
      { damageType: "CRACK", repairs: 1 },
    ]);
    const heat = weekdayHourHeat(rows, TZ);
    expect(heat[1]![10]).toBe(1); // Tuesday 10:00 in Denver (17:00 UTC)
    expect(heat[2]![10]).toBe(1);
    expect(heat[3]![9]).toBe(1); // Thursday 09:30
    expect(heat.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(geoCells(rows)).toEqual([{ latitude: 39.73, longitude: -105, repairs: 2 }]);
    // 12,500 revenue − 3 × 500 materials − 3 h × 3,000 an hour = 2,000 (16%).
    expect(profit(rows, { materialsCostCentsPerRepair: 500, technicianHourlyCostCents: 3000 })).toEqual({
      revenueCents: 12_500,
      costCents: 10_500,
      profitCents: 2_000,
      marginPercent: 16,
    });
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(1, 0)).toBeNull();
  });

  it("a callback: the same windshield again within 90 days (not a break of the same job), or a follow-up", () => {
    const first = repair({ unitId: "cb", completedAt: at("2026-09-01T17:00:00Z"), jobId: "job1" });
    const sameJob = repair({ unitId: "cb", completedAt: at("2026-09-01T17:05:00Z"), jobId: "job1" });
    const again = repair({ unitId: "cb", completedAt: at("2026-11-29T17:00:00Z") }); // 89 days later
    const newGlass = repair({ unitId: "cb", windshieldSeq: 2, completedAt: at("2026-11-30T17:00:00Z") });
    const lonely = repair({ unitId: "other", completedAt: at("2026-09-01T17:00:00Z") });
    const followed = repair({ unitId: "f", completedAt: at("2026-01-01T17:00:00Z") });
    const followUp = repair({ unitId: "g", completedAt: at("2026-09-02T17:00:00Z"), followUpOfId: followed.id });
    const all = [first, sameJob, again, newGlass, lonely, followed, followUp];
    expect([...callbackIds(all, all)].sort()).toEqual([first.id, sameJob.id, followed.id].sort());
  });
});

describe("invoices", () => {
  const invoice = (over: Partial<InvoiceFacts>): InvoiceFacts => ({
    customerId: "acme",
    kind: "INVOICE",
    status: "ISSUED",
    issuedOn: "2026-11-02",
    dueOn: "2026-12-02",
    totalCents: 10_000,
    paidCents: 0,
    paidInFullOn: null,
    credited: false,
    ...over,
  });
  const november = { from: "2026-11-01", to: "2026-11-30", days: 30 };
  const invoices = [
    invoice({ status: "PAID", paidCents: 10_000, paidInFullOn: "2026-11-12" }), // 10 days
    invoice({ status: "PAID", issuedOn: "2026-11-10", paidCents: 10_000, paidInFullOn: "2026-11-30" }), // 20 days
    invoice({ paidCents: 2_500 }), // 7,500 overdue on Dec 6
    invoice({ dueOn: "2026-12-31" }), // not yet due
    invoice({ status: "VOID", credited: true }),
    invoice({ kind: "CREDIT_NOTE", status: "ISSUED", totalCents: -10_000 }),
  ];
  it("days to pay, overdue, accuracy", () => {
    expect(averageDaysToPay(invoices, november)).toBe(15);
    expect(overdueCents(invoices, "2026-12-06")).toBe(7_500);
    expect(invoiceAccuracyPercent(invoices, november)).toBe(80);
    expect(invoiceAccuracyPercent([], november)).toBeNull();
  });
});

describe("periodSpans", () => {
  it("reads whole months as month rows and the partial months' days as day rows", () => {
    expect(periodSpans({ from: "2026-01-01", to: "2026-03-31" })).toEqual({
      months: ["2026-01-01", "2026-03-01"],
      days: [],
    });
    expect(periodSpans({ from: "2025-12-17", to: "2026-02-05" })).toEqual({
      months: ["2026-01-01", "2026-01-01"],
      days: [
        ["2025-12-17", "2025-12-31"],
        ["2026-02-01", "2026-02-05"],
      ],
    });
    expect(periodSpans({ from: "2026-02-03", to: "2026-02-28" })).toEqual({
      months: null,
      days: [["2026-02-03", "2026-02-28"]],
    });
    expect(periodSpans({ from: "2026-01-20", to: "2026-02-10" })).toEqual({
      months: null,
      days: [["2026-01-20", "2026-02-10"]],
    });
  });

  it("covers every day of the period exactly once", () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => plusDays("2024-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = plusDays(from, length);
        const spans = periodSpans({ from, to });
        const covered: string[] = [];
        for (const [a, b] of spans.days) for (let d = a; d <= b; d = plusDays(d, 1)) covered.push(d);
        if (spans.months)
          for (let d = spans.months[0]; d.slice(0, 7) <= spans.months[1].slice(0, 7); d = plusDays(d, 1)) {
            covered.push(d);
          }
        covered.sort();
        const expected: string[] = [];
        for (let d = from; d <= to; d = plusDays(d, 1)) expected.push(d);
        expect(covered).toEqual(expected);
      }),
    );
  });
});

describe("averageStars", () => {
  it("averages the stars to one decimal; no answers is no data", () => {
    expect(averageStars([])).toBeNull();
    expect(averageStars([{ stars: 5 }, { stars: 4 }, { stars: 4 }])).toBe(4.3);
    expect(averageStars([{ stars: 1 }])).toBe(1);
  });
});
