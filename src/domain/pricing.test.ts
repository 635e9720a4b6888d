import { describe, expect, it } from "vitest";
import { type PriceQuote, overriddenQuote, priceRepair, quotesDiffer } from "./pricing";
import { DEFAULT_PRICING_RULES, PricingError } from "./pricing-rules";
import { CUSTOM_60_50_45, TEN_PERCENT_FROM_10TH, rulesWith } from "./test-fixtures";

const fresh = { completedOnWindshield: 0, customerCompletedThisMonth: 0, rules: DEFAULT_PRICING_RULES };

describe("priceRepair: tiers", () => {
  it("prices the 2nd repair on a windshield at the default $40, and says why", () => {
    expect(priceRepair({ ...fresh, completedOnWindshield: 1 })).toEqual({
      ordinal: 2,
      cents: 4000,
      source: "DEFAULT_TIER",
      tierCents: 4000,
      discountCents: 0,
      rulesVersion: 0,
      explanation: "2nd repair on this windshield: $40.00 (default tier)",
    });
  });
  it("explains a custom tier and the 5th-and-later tier", () => {
    expect(priceRepair({ ...fresh, rules: CUSTOM_60_50_45 }).explanation).toBe(
      "1st repair on this windshield: $60.00 (customer tier)",
    );
    expect(priceRepair({ ...fresh, completedOnWindshield: 10 }).explanation).toBe(
      "11th repair on this windshield: $25.00 (default tier, 5th and later)",
    );
  });
  it("custom tiers $60/$50/$45 with tier 4 unset price the 4th repair at $30", () => {
    const quote = priceRepair({ ...fresh, completedOnWindshield: 3, rules: CUSTOM_60_50_45 });
    expect(quote).toMatchObject({ ordinal: 4, cents: 3000, source: "DEFAULT_TIER", rulesVersion: 3 });
  });
  it("a custom tier of 0 is free", () => {
    const rules = rulesWith({ useCustomPricing: true, tiersCents: [0, null, null, null, null] });
    expect(priceRepair({ ...fresh, rules })).toMatchObject({ cents: 0, source: "CUSTOM_TIER", discountCents: 0 });
  });
  it("refuses invalid rules or counts", () => {
    expect(() => priceRepair({ ...fresh, rules: rulesWith({ volumeDiscountBasisPoints: 20000 }) })).toThrow(
      PricingError,
    );
    expect(() => priceRepair({ ...fresh, customerCompletedThisMonth: -1 })).toThrow(PricingError);
    expect(() => priceRepair({ ...fresh, indexInJob: 0.5 })).toThrow(PricingError);
  });
});

describe("priceRepair: volume discount", () => {
  it("a 10% volume discount on a $40 tier gives 3600", () => {
    const quote = priceRepair({
      completedOnWindshield: 1,
      customerCompletedThisMonth: 9,
      rules: TEN_PERCENT_FROM_10TH,
    });
    expect(quote).toMatchObject({
      ordinal: 2,
      cents: 3600,
      source: "VOLUME_DISCOUNT",
      tierCents: 4000,
      discountCents: 400,
    });
    expect(quote.explanation).toBe(
      "2nd repair on this windshield: $40.00 (default tier), less 10% volume discount (10th repair this month, from the 10th on): $36.00",
    );
  });
  it("does not apply before the threshold-th repair of the month", () => {
    const quote = priceRepair({
      completedOnWindshield: 1,
      customerCompletedThisMonth: 8,
      rules: TEN_PERCENT_FROM_10TH,
    });
    expect(quote).toMatchObject({ cents: 4000, source: "DEFAULT_TIER", discountCents: 0 });
  });
  it("counts the breaks of the same job towards the month position", () => {
    // 8 done this month: the job's 1st break is the 9th repair, its 2nd break the 10th.
    const first = priceRepair({
      completedOnWindshield: 0,
      indexInJob: 0,
      customerCompletedThisMonth: 8,
      rules: TEN_PERCENT_FROM_10TH,
    });
    const second = priceRepair({
      completedOnWindshield: 0,
      indexInJob: 1,
      customerCompletedThisMonth: 8,
      rules: TEN_PERCENT_FROM_10TH,
    });
    expect(first).toMatchObject({ cents: 5000, source: "DEFAULT_TIER" });
    expect(second).toMatchObject({ cents: 3600, source: "VOLUME_DISCOUNT" });
  });
  it("does nothing at 0%, whatever the count", () => {
    const rules = rulesWith({ volumeDiscountThreshold: 1, volumeDiscountBasisPoints: 0 });
    expect(priceRepair({ ...fresh, customerCompletedThisMonth: 99, rules })).toMatchObject({
      cents: 5000,
      source: "DEFAULT_TIER",
    });
  });
  it("rounds half-up to the cent", () => {
    // 12.5% of $25.00 = 312.5 cents -> 313 off.
    const rules = rulesWith({ volumeDiscountThreshold: 1, volumeDiscountBasisPoints: 1250 });
    expect(priceRepair({ ...fresh, completedOnWindshield: 4, rules })).toMatchObject({
      cents: 2187,
      discountCents: 313,
    });
  });
  it("applies to custom tiers too", () => {
    const rules = { ...CUSTOM_60_50_45, volumeDiscountThreshold: 1, volumeDiscountBasisPoints: 1000 };
    expect(priceRepair({ ...fresh, rules })).toMatchObject({ cents: 5400, tierCents: 6000, source: "VOLUME_DISCOUNT" });
  });
  it("a free tier stays free and keeps its tier source (nothing was taken off)", () => {
    const rules = rulesWith({
      useCustomPricing: true,
      tiersCents: [0, null, null, null, null],
      volumeDiscountThreshold: 1,
      volumeDiscountBasisPoints: 1000,
    });
    expect(priceRepair({ ...fresh, rules })).toMatchObject({ cents: 0, source: "CUSTOM_TIER", discountCents: 0 });
  });
  it("100% makes the repair free", () => {
    const rules = rulesWith({ volumeDiscountThreshold: 1, volumeDiscountBasisPoints: 10000 });
    expect(priceRepair({ ...fresh, rules })).toMatchObject({
      cents: 0,
      discountCents: 5000,
      source: "VOLUME_DISCOUNT",
    });
  });
});

describe("overriddenQuote", () => {
  const discounted = priceRepair({
    completedOnWindshield: 1,
    customerCompletedThisMonth: 20,
    rules: TEN_PERCENT_FROM_10TH,
  });

  it("replaces the computed price, with no discount on top", () => {
    const quote = overriddenQuote(discounted, 3000, "goodwill after a chip re-opened");
    expect(quote).toEqual({
      ordinal: 2,
      cents: 3000,
      source: "OVERRIDE",
      tierCents: 4000,
      discountCents: 0,
      rulesVersion: 4,
      explanation:
        "2nd repair on this windshield: $30.00 (price override, tier price $40.00): goodwill after a chip re-opened",
    });
  });
  it("may be 0 (free)", () => {
    expect(overriddenQuote(discounted, 0, "warranty").cents).toBe(0);
  });
  it.each([-1, 10.5, Number.NaN])("refuses amount %s", (amount) => {
    expect(() => overriddenQuote(discounted, amount, "why")).toThrow(
      expect.objectContaining({ code: "INVALID_OVERRIDE" }),
    );
  });
  it.each(["", "   "])("refuses an empty reason %j", (reason) => {
    expect(() => overriddenQuote(discounted, 3000, reason)).toThrow(PricingError);
  });
});

describe("quotesDiffer", () => {
  const base: PriceQuote = priceRepair(fresh);
  it("is false for the same price and source", () => {
    expect(quotesDiffer(base, { ...base, explanation: "worded differently", rulesVersion: 9 })).toBe(false);
  });
  it("is true when the price, ordinal or source differ", () => {
    expect(quotesDiffer(base, { ...base, cents: 4999 })).toBe(true);
    expect(quotesDiffer(base, { ...base, ordinal: 2 })).toBe(true);
    expect(quotesDiffer(base, { ...base, source: "CUSTOM_TIER" })).toBe(true);
  });
});
