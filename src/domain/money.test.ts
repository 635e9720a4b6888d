import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InvalidAmount } from "./errors";
import { assertCents, assertNonNegativeCents, dollarsToCents, formatCents, percentOfCents, sumCents } from "./money";

describe("assertCents", () => {
  it("accepts whole cents, negative included", () => {
    expect(() => assertCents(0)).not.toThrow();
    expect(() => assertCents(-150)).not.toThrow();
  });
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, "100", null, 2 ** 53])("refuses %s", (value) => {
    expect(() => assertCents(value)).toThrow(InvalidAmount);
  });
  it("assertNonNegativeCents refuses a negative amount", () => {
    expect(() => assertNonNegativeCents(-1)).toThrow(InvalidAmount);
    expect(() => assertNonNegativeCents(0)).not.toThrow();
  });
});

describe("dollarsToCents", () => {
  it.each<[string | number, number]>([
    ["12.34", 1234],
    ["12", 1200],
    ["12.3", 1230],
    [".5", 50],
    ["0.005", 1], // half-up
    ["0.004", 0],
    ["1.005", 101], // exact decimal text, no binary float surprise
    [1.005, 101],
    [12.345, 1235],
    ["-1.005", -101], // half away from zero, like Decimal ROUND_HALF_UP
    ["$1,250.50", 125050],
    ["-$1.50", -150],
    [" 65 ", 6500],
    [0, 0],
    [-0, 0],
    [40, 4000],
    [1e-7, 0],
  ])("%s dollars -> %s cents", (dollars, cents) => {
    expect(dollarsToCents(dollars)).toBe(cents);
  });
  it.each(["", "abc", "1.2.3", "1e5", "--1", ".", "$"])("refuses %j", (text) => {
    expect(() => dollarsToCents(text)).toThrow(InvalidAmount);
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e30])("refuses %s", (n) => {
    expect(() => dollarsToCents(n)).toThrow(InvalidAmount);
  });
});

describe("formatCents", () => {
  it.each([
    [6500, "$65.00"],
    [0, "$0.00"],
    [5, "$0.05"],
    [-150, "-$1.50"],
    [123456, "$1,234.56"],
    [100000000, "$1,000,000.00"],
  ])("%s -> %s", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
  it("refuses fractional cents", () => {
    expect(() => formatCents(1.5)).toThrow(InvalidAmount);
  });
  it("round-trips through dollarsToCents", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => dollarsToCents(formatCents(cents)) === cents),
    );
  });
});

describe("percentOfCents", () => {
  it.each([
    [4000, 1000, 400], // 10% of $40
    [5000, 1250, 625], // 12.5%
    [2500, 1250, 313], // 312.5 rounds half-up
    [1, 5000, 1], // 0.5 cent rounds up
    [1, 4999, 0],
    [3333, 10000, 3333],
    [3500, 0, 0],
    [-2500, 1250, -313], // half away from zero
  ])("%s cents x %s bp = %s", (cents, bp, expected) => {
    expect(percentOfCents(cents, bp)).toBe(expected);
  });
  it("refuses fractional basis points and overflow", () => {
    expect(() => percentOfCents(100, 10.5)).toThrow(InvalidAmount);
    expect(() => percentOfCents(2 ** 52, 10000)).toThrow(InvalidAmount);
  });
  it("stays between 0 and the amount for 0..100%", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10000 }), (cents, bp) => {
        const part = percentOfCents(cents, bp);
        return Number.isInteger(part) && part >= 0 && part <= cents;
      }),
    );
  });
});

describe("sumCents", () => {
  it("adds whole cents", () => {
    expect(sumCents([5000, 4000, 3500])).toBe(12500);
    expect(sumCents([])).toBe(0);
  });
  it("refuses a fractional amount", () => {
    expect(() => sumCents([100, 0.5])).toThrow(InvalidAmount);
  });
});
