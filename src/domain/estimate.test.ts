import { describe, expect, it } from "vitest";
import { estimateJob } from "./estimate";
import { DEFAULT_PRICING_RULES, PricingError } from "./pricing-rules";
import { TEN_PERCENT_FROM_10TH } from "./test-fixtures";

const defaults = { customerCompletedThisMonth: 0, rules: DEFAULT_PRICING_RULES };

describe("estimateJob", () => {
  it("three breaks on a fresh windshield cost 5000 + 4000 + 3500 = 12500", () => {
    const estimate = estimateJob({ ...defaults, completedOnWindshield: 0, breaks: 3 });
    expect(estimate.lines.map((l) => l.cents)).toEqual([5000, 4000, 3500]);
    expect(estimate.lines.map((l) => l.ordinal)).toEqual([1, 2, 3]);
    expect(estimate.totalCents).toBe(12500);
  });
  it("a unit with 2 completed repairs prices its next three breaks 3500, 3000, 2500", () => {
    const estimate = estimateJob({ ...defaults, completedOnWindshield: 2, breaks: 3 });
    expect(estimate.lines.map((l) => l.cents)).toEqual([3500, 3000, 2500]);
    expect(estimate.totalCents).toBe(9000);
  });
  it("15 breaks on a fresh windshield cost $25 each from the 5th on", () => {
    const estimate = estimateJob({ ...defaults, completedOnWindshield: 0, breaks: 15 });
    expect(estimate.lines.map((l) => l.cents)).toEqual([5000, 4000, 3500, 3000, ...Array<number>(11).fill(2500)]);
    expect(estimate.totalCents).toBe(5000 + 4000 + 3500 + 3000 + 11 * 2500);
  });
  it("breaks crossing the volume threshold get the discount from that break on", () => {
    const estimate = estimateJob({
      completedOnWindshield: 0,
      breaks: 3,
      customerCompletedThisMonth: 8,
      rules: TEN_PERCENT_FROM_10TH,
    });
    expect(estimate.lines.map((l) => [l.cents, l.source])).toEqual([
      [5000, "DEFAULT_TIER"],
      [3600, "VOLUME_DISCOUNT"],
      [3150, "VOLUME_DISCOUNT"],
    ]);
    expect(estimate.totalCents).toBe(11750);
  });
  it.each([0, -1, 1.5])("refuses %s breaks", (breaks) => {
    expect(() => estimateJob({ ...defaults, completedOnWindshield: 0, breaks })).toThrow(PricingError);
  });
});
