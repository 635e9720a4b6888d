import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceRepair } from "./pricing";
import { DEFAULT_PRICING_RULES } from "./pricing-rules";
import { WARRANTY_MONTHS_DEFAULT, countsInPricingHistory, warrantyClaimProblem, warrantyEndsOn } from "./warranty";

describe("warranty", () => {
  it("ends the same day months later, or on the month's last day", () => {
    expect(warrantyEndsOn("2026-03-15", 12)).toBe("2027-03-15");
    expect(warrantyEndsOn("2026-01-31", 1)).toBe("2026-02-28");
    expect(warrantyEndsOn("2027-08-31", 6)).toBe("2028-02-29");
    expect(warrantyEndsOn("2026-11-30", 0)).toBe("2026-11-30");
    expect(() => warrantyEndsOn("30/11/2026", 1)).toThrow(RangeError);
    expect(() => warrantyEndsOn("2026-11-30", -1)).toThrow(RangeError);
  });

  it("never ends before the repair, and a longer warranty never ends sooner", () => {
    const day = fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.nat(60), fc.nat(60), (date, a, b) => {
        const on = date.toISOString().slice(0, 10);
        const [short, long] = a <= b ? [a, b] : [b, a];
        return warrantyEndsOn(on, short) >= on && warrantyEndsOn(on, long) >= warrantyEndsOn(on, short);
      }),
    );
  });

  it("accepts a claim up to the last day and refuses it after, with the end date", () => {
    const repair = { status: "COMPLETED" as const, completedOn: "2026-01-10", damageType: "CRACK" as const };
    expect(warrantyClaimProblem(repair, WARRANTY_MONTHS_DEFAULT, "2026-07-10")).toBeNull();
    expect(warrantyClaimProblem(repair, WARRANTY_MONTHS_DEFAULT, "2026-07-11")).toEqual({
      code: "WARRANTY_EXPIRED",
      message: "The warranty of this repair ended on 2026-07-10.",
      endedOn: "2026-07-10",
    });
    expect(warrantyClaimProblem({ ...repair, status: "CLOSED" }, WARRANTY_MONTHS_DEFAULT, "2026-02-01")).toBeNull();
  });

  it("refuses a claim on work not completed", () => {
    const open = { status: "IN_PROGRESS" as const, completedOn: null, damageType: "CHIP" as const };
    expect(warrantyClaimProblem(open, WARRANTY_MONTHS_DEFAULT, "2026-02-01")?.code).toBe("WARRANTY_NOT_COMPLETED");
  });

  it("leaves a warranty redo out of the pricing history: the next break is priced as if it never happened", () => {
    const history = [
      { id: "original", warrantyOfId: null },
      { id: "redo", warrantyOfId: "original" },
    ];
    const counted = history.filter(countsInPricingHistory).length;
    expect(counted).toBe(1);
    const next = priceRepair({
      completedOnWindshield: counted,
      customerCompletedThisMonth: counted,
      rules: DEFAULT_PRICING_RULES,
    });
    expect(next).toMatchObject({ ordinal: 2, cents: 4000 });
  });
});
