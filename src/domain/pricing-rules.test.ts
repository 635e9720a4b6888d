import { describe, expect, it } from "vitest";
import {
  DEFAULT_PRICING_RULES,
  DEFAULT_TIERS_CENTS,
  PricingError,
  assertPricingRules,
  tierOrdinal,
  tierPrice,
} from "./pricing-rules";
import { CUSTOM_60_50_45, rulesWith } from "./test-fixtures";

describe("default tiers", () => {
  it("are $50, $40, $35, $30, $25", () => {
    expect(DEFAULT_TIERS_CENTS).toEqual([5000, 4000, 3500, 3000, 2500]);
  });
  it.each([
    [1, 5000],
    [2, 4000],
    [3, 3500],
    [4, 3000],
    [5, 2500],
    [6, 2500],
    [15, 2500],
    [1000, 2500],
  ])("ordinal %s costs %s cents", (ordinal, cents) => {
    expect(tierPrice(ordinal, DEFAULT_PRICING_RULES)).toEqual({ cents, source: "DEFAULT_TIER" });
  });
});

describe("tierOrdinal", () => {
  it("is 1 on a fresh windshield", () => {
    expect(tierOrdinal(0)).toBe(1);
  });
  it("counts repairs completed since the last replacement", () => {
    expect(tierOrdinal(2)).toBe(3);
  });
  it("adds the index of the break within a multi-break job", () => {
    expect(tierOrdinal(2, 0)).toBe(3);
    expect(tierOrdinal(2, 2)).toBe(5);
  });
  it.each([
    [-1, 0],
    [1.5, 0],
    [0, -1],
    [Number.NaN, 0],
  ])("refuses counts %s, %s", (completed, index) => {
    expect(() => tierOrdinal(completed, index)).toThrow(PricingError);
  });
});

describe("custom tiers", () => {
  it("apply when custom pricing is on", () => {
    expect(tierPrice(1, CUSTOM_60_50_45)).toEqual({ cents: 6000, source: "CUSTOM_TIER" });
    expect(tierPrice(3, CUSTOM_60_50_45)).toEqual({ cents: 4500, source: "CUSTOM_TIER" });
  });
  it("an unset tier falls back to the default: 4th repair at $30", () => {
    expect(tierPrice(4, CUSTOM_60_50_45)).toEqual({ cents: 3000, source: "DEFAULT_TIER" });
    expect(tierPrice(9, CUSTOM_60_50_45)).toEqual({ cents: 2500, source: "DEFAULT_TIER" });
  });
  it("are ignored while custom pricing is off", () => {
    const off = { ...CUSTOM_60_50_45, useCustomPricing: false };
    expect(tierPrice(1, off)).toEqual({ cents: 5000, source: "DEFAULT_TIER" });
  });
  it("a tier of 0 is free, not unset", () => {
    const free = rulesWith({ useCustomPricing: true, tiersCents: [0, null, null, null, 0] });
    expect(tierPrice(1, free)).toEqual({ cents: 0, source: "CUSTOM_TIER" });
    expect(tierPrice(2, free)).toEqual({ cents: 4000, source: "DEFAULT_TIER" });
    expect(tierPrice(7, free)).toEqual({ cents: 0, source: "CUSTOM_TIER" });
  });
  it("the 5th-and-later tier applies to every later ordinal", () => {
    const rules = rulesWith({ useCustomPricing: true, tiersCents: [null, null, null, null, 2000] });
    expect(tierPrice(5, rules).cents).toBe(2000);
    expect(tierPrice(50, rules).cents).toBe(2000);
  });
  it("refuses an ordinal below 1", () => {
    expect(() => tierPrice(0, DEFAULT_PRICING_RULES)).toThrow(PricingError);
  });
});

describe("assertPricingRules", () => {
  it("accepts the defaults and the fixtures", () => {
    expect(() => assertPricingRules(DEFAULT_PRICING_RULES)).not.toThrow();
    expect(() => assertPricingRules(CUSTOM_60_50_45)).not.toThrow();
  });
  it.each([
    ["a negative tier", rulesWith({ tiersCents: [-1, null, null, null, null] })],
    ["a fractional tier", rulesWith({ tiersCents: [10.5, null, null, null, null] })],
    ["a percentage over 100%", rulesWith({ volumeDiscountBasisPoints: 10001 })],
    ["a negative percentage", rulesWith({ volumeDiscountBasisPoints: -5 })],
    ["a fractional threshold", rulesWith({ volumeDiscountThreshold: 2.5 })],
    ["a negative version", rulesWith({ version: -1 })],
  ])("refuses %s", (_, rules) => {
    expect(() => assertPricingRules(rules)).toThrow(expect.objectContaining({ code: "INVALID_PRICING_RULES" }));
  });
  it("the default rules cannot be mutated by accident", () => {
    expect(Object.isFrozen(DEFAULT_PRICING_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PRICING_RULES.tiersCents)).toBe(true);
  });
});
