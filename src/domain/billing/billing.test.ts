import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type InvoiceableRepair,
  defaultCadence,
  effectiveCadence,
  groupForInvoicing,
  isoWeekOf,
  monthOf,
} from "./cadence";
import { addDays } from "../walk-schedule";
import {
  agingBucket,
  agingSummary,
  assertIssuable,
  assertPayment,
  dueOn,
  invoiceNumber,
  invoiceState,
  parseInvoiceNumber,
  reminderStepDue,
} from "./invoice-rules";

const repair = (
  id: string,
  completedOn: string,
  walkId: string | null = null,
  walkEnded = true,
): InvoiceableRepair => ({
  id,
  completedOn,
  walkId,
  walkEnded,
});

describe("cadence defaults", () => {
  it("bills on-call work per repair and lot-walk customers monthly", () => {
    expect(defaultCadence("ON_CALL")).toBe("PER_REPAIR");
    expect(defaultCadence("SCHEDULED")).toBe("MONTHLY");
    expect(defaultCadence("HYBRID")).toBe("MONTHLY");
    expect(effectiveCadence("ON_CALL", "WEEKLY")).toBe("WEEKLY");
    expect(effectiveCadence("HYBRID", null)).toBe("MONTHLY");
  });
});

describe("ISO weeks and months", () => {
  it("names weeks the ISO way, across year ends", () => {
    expect(isoWeekOf("2026-12-06")).toEqual({ key: "2026-W49", start: "2026-11-30", end: "2026-12-06" });
    expect(isoWeekOf("2027-01-01")).toEqual({ key: "2026-W53", start: "2026-12-28", end: "2027-01-03" });
    expect(isoWeekOf("2024-12-30")).toEqual({ key: "2025-W01", start: "2024-12-30", end: "2025-01-05" });
  });
  it("gives a month's first and last day, leap years too", () => {
    expect(monthOf("2028-02-10")).toEqual({ key: "2028-02", start: "2028-02-01", end: "2028-02-29" });
    expect(monthOf("2026-12-31")).toEqual({ key: "2026-12", start: "2026-12-01", end: "2026-12-31" });
  });
  it("every day is inside its week, which is seven days from a Monday", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const day = addDays("1990-01-01", n);
        const week = isoWeekOf(day);
        expect(week.start <= day && day <= week.end).toBe(true);
        expect(addDays(week.start, 6)).toBe(week.end);
        expect(new Date(`${week.start}T00:00:00Z`).getUTCDay()).toBe(1);
      }),
    );
  });
});

describe("grouping completed repairs", () => {
  const today = "2026-12-06"; // a Sunday: this week has not ended
  it("per repair: one invoice each, at once", () => {
    const groups = groupForInvoicing([repair("b", "2026-12-06"), repair("a", "2026-12-01")], "PER_REPAIR", today);
    expect(groups.map((g) => [g.key, g.repairIds])).toEqual([
      ["repair:a", ["a"]],
      ["repair:b", ["b"]],
    ]);
  });
  it("per walk: a finished walk's repairs together, on-call ones alone, a running walk waits", () => {
    const groups = groupForInvoicing(
      [
        repair("r1", "2026-12-02", "w1"),
        repair("r2", "2026-12-02", "w1"),
        repair("r3", "2026-12-03"),
        repair("r4", "2026-12-05", "w2", false),
      ],
      "PER_WALK",
      today,
    );
    expect(groups.map((g) => [g.key, g.walkId, g.repairIds])).toEqual([
      ["walk:w1", "w1", ["r1", "r2"]],
      ["repair:r3", null, ["r3"]],
    ]);
  });
  it("weekly: only weeks that have ended, one invoice per ISO week", () => {
    const groups = groupForInvoicing(
      [repair("a", "2026-11-23"), repair("b", "2026-11-29"), repair("c", "2026-11-30"), repair("d", "2026-12-06")],
      "WEEKLY",
      today,
    );
    expect(groups).toEqual([
      { key: "week:2026-W48", periodStart: "2026-11-23", periodEnd: "2026-11-29", walkId: null, repairIds: ["a", "b"] },
    ]);
    expect(groupForInvoicing([repair("d", "2026-12-06")], "WEEKLY", "2026-12-07")).toHaveLength(1);
  });
  it("monthly: a running month waits", () => {
    const groups = groupForInvoicing([repair("a", "2026-11-30"), repair("b", "2026-12-01")], "MONTHLY", today);
    expect(groups.map((g) => [g.key, g.periodStart, g.periodEnd, g.repairIds])).toEqual([
      ["month:2026-11", "2026-11-01", "2026-11-30", ["a"]],
    ]);
  });
  it("never puts a repair in two groups, and keeps every repair of an ended period", () => {
    const arbRepair = fc.record({
      id: fc.uuid(),
      completedOn: fc.integer({ min: 0, max: 400 }).map((n) => addDays("2026-01-01", n)),
      walkId: fc.option(fc.constantFrom("w1", "w2", "w3"), { nil: null }),
      walkEnded: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbRepair, { selector: (r) => r.id, maxLength: 40 }),
        fc.constantFrom("PER_REPAIR", "PER_WALK", "WEEKLY", "MONTHLY" as const),
        fc.integer({ min: 0, max: 420 }).map((n) => addDays("2026-01-01", n)),
        (repairs, cadence, day) => {
          const groups = groupForInvoicing(repairs, cadence, day);
          const ids = groups.flatMap((g) => g.repairIds);
          expect(new Set(ids).size).toBe(ids.length);
          for (const g of groups) {
            if (cadence === "WEEKLY" || cadence === "MONTHLY") expect(g.periodEnd < day).toBe(true);
            for (const id of g.repairIds) {
              const r = repairs.find((x) => x.id === id)!;
              expect(g.periodStart <= r.completedOn && r.completedOn <= g.periodEnd).toBe(true);
            }
          }
          if (cadence === "PER_REPAIR") expect(ids).toHaveLength(repairs.length);
        },
      ),
    );
  });
});

describe("due dates, states, aging", () => {
  it("due per terms", () => {
    expect(dueOn("2026-12-06", "NET_30")).toBe("2027-01-05");
    expect(dueOn("2026-12-06", "NET_60")).toBe("2027-02-04");
    expect(dueOn("2026-12-06", "PREPAID")).toBe("2026-12-06");
  });
  it("derives the state from payments and the due day", () => {
    const base = { status: "ISSUED" as const, totalCents: 10_000, paidCents: 0, dueOn: "2026-12-10" };
    expect(invoiceState(base, "2026-12-10")).toBe("ISSUED");
    expect(invoiceState({ ...base, paidCents: 4000 }, "2026-12-10")).toBe("PARTLY_PAID");
    expect(invoiceState({ ...base, paidCents: 4000 }, "2026-12-11")).toBe("OVERDUE");
    expect(invoiceState({ ...base, paidCents: 10_000 }, "2027-12-11")).toBe("PAID");
    expect(invoiceState({ ...base, status: "VOID" }, "2027-12-11")).toBe("VOID");
    expect(invoiceState({ ...base, status: "DRAFT", dueOn: null }, "2027-12-11")).toBe("DRAFT");
  });
  it("puts balances in aging buckets by days past due", () => {
    expect(agingBucket("2026-12-10", "2026-12-10")).toBe("CURRENT");
    expect(agingBucket("2026-12-10", "2026-12-11")).toBe("DAYS_1_30");
    expect(agingBucket("2026-12-10", "2027-01-09")).toBe("DAYS_1_30");
    expect(agingBucket("2026-12-10", "2027-01-10")).toBe("DAYS_31_60");
    expect(agingBucket("2026-12-10", "2027-03-10")).toBe("DAYS_61_90");
    expect(agingBucket("2026-12-10", "2027-03-11")).toBe("DAYS_90_PLUS");
    const sums = agingSummary(
      [
        { status: "ISSUED", totalCents: 5000, paidCents: 1000, dueOn: "2026-12-01" },
        { status: "PAID", totalCents: 5000, paidCents: 5000, dueOn: "2026-10-01" },
        { status: "VOID", totalCents: 5000, paidCents: 0, dueOn: "2026-10-01" },
        { status: "ISSUED", totalCents: 700, paidCents: 0, dueOn: "2027-01-01" },
      ],
      "2026-12-06",
    );
    expect(sums).toEqual({ CURRENT: 700, DAYS_1_30: 4000, DAYS_31_60: 0, DAYS_61_90: 0, DAYS_90_PLUS: 0 });
  });
  it("reminds once per step", () => {
    expect(reminderStepDue("2026-12-10", "2026-12-10")).toBe(0);
    expect(reminderStepDue("2026-12-10", "2026-12-11")).toBe(1);
    expect(reminderStepDue("2026-12-10", "2027-01-09")).toBe(2);
    expect(reminderStepDue("2026-12-10", "2027-02-08")).toBe(3);
  });
});

describe("numbers", () => {
  it("formats and reads RS-<year>-<6 digits>", () => {
    expect(invoiceNumber(2026, 42)).toBe("RS-2026-000042");
    expect(parseInvoiceNumber("RS-2026-000042")).toEqual({ year: 2026, sequence: 42 });
    expect(parseInvoiceNumber("RS-26-42")).toBeNull();
    expect(() => invoiceNumber(2026, 0)).toThrow();
    expect(() => invoiceNumber(2026, 1_000_000)).toThrow();
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 999_999 }), (y, n) => {
        expect(parseInvoiceNumber(invoiceNumber(y, n))).toEqual({ year: y, sequence: n });
      }),
    );
  });
});

describe("refusals", () => {
  it("refuses an invoice without repairs or below zero", () => {
    expect(() => assertIssuable([])).toThrow(expect.objectContaining({ code: "INVOICE_EMPTY" }));
    expect(() => assertIssuable([{ kind: "DISCOUNT", amountCents: -100 }])).toThrow(
      expect.objectContaining({ code: "INVOICE_EMPTY" }),
    );
    expect(() =>
      assertIssuable([
        { kind: "REPAIR", amountCents: 100 },
        { kind: "DISCOUNT", amountCents: -101 },
      ]),
    ).toThrow(expect.objectContaining({ code: "INVALID_INVOICE" }));
    expect(
      assertIssuable([
        { kind: "REPAIR", amountCents: 5000 },
        { kind: "DISCOUNT", amountCents: -500 },
      ]),
    ).toBe(4500);
  });
  it("refuses payments of zero, below zero, above the balance, on void or draft invoices", () => {
    const issued = { status: "ISSUED" as const, totalCents: 5000, paidCents: 2000 };
    for (const amount of [0, -1, 3001, 0.5])
      expect(() => assertPayment(issued, amount)).toThrow(expect.objectContaining({ code: "PAYMENT_REFUSED" }));
    expect(() => assertPayment({ ...issued, status: "VOID" }, 100)).toThrow(/void/);
    expect(() => assertPayment({ ...issued, status: "DRAFT" }, 100)).toThrow(/issue/);
    expect(() => assertPayment(issued, 3000)).not.toThrow();
  });
});
