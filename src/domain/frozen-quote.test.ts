import { describe, expect, it } from "vitest";
import { freezeQuote, isFrozen, repriceIfNotFrozen } from "./frozen-quote";
import { overriddenQuote, priceRepair } from "./pricing";
import { DEFAULT_PRICING_RULES } from "./pricing-rules";
import { CUSTOM_60_50_45 } from "./test-fixtures";

const input = { completedOnWindshield: 1, customerCompletedThisMonth: 0, rules: DEFAULT_PRICING_RULES };

describe("frozen quotes", () => {
  it("a frozen quote survives repricing with other rules and history (re-saving an old repair)", () => {
    const frozen = freezeQuote(priceRepair(input));
    const later = repriceIfNotFrozen(frozen, {
      completedOnWindshield: 7,
      customerCompletedThisMonth: 30,
      rules: CUSTOM_60_50_45,
    });
    expect(later).toBe(frozen);
    expect(later.cents).toBe(4000);
  });
  it("is immutable", () => {
    const frozen = freezeQuote(priceRepair(input));
    expect(Object.isFrozen(frozen)).toBe(true);
    expect(isFrozen(frozen)).toBe(true);
    expect(freezeQuote(frozen)).toBe(frozen);
  });
  it("an open repair is repriced from current inputs", () => {
    const open = priceRepair(input);
    expect(isFrozen(open)).toBe(false);
    expect(repriceIfNotFrozen(open, { ...input, rules: CUSTOM_60_50_45 }).cents).toBe(5000);
    expect(repriceIfNotFrozen(null, input).cents).toBe(4000);
  });
  it("an override on an open repair stays until overridden again", () => {
    const overridden = overriddenQuote(priceRepair(input), 1000, "fleet promotion");
    expect(repriceIfNotFrozen(overridden, { ...input, rules: CUSTOM_60_50_45 })).toBe(overridden);
  });
});
