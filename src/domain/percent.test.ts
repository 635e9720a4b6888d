import { describe, expect, it } from "vitest";
import { InvalidAmount } from "./errors";
import { assertPercentBasisPoints, formatBasisPoints, percentToBasisPoints } from "./percent";

describe("percentToBasisPoints", () => {
  it.each<[string | number, number]>([
    ["10", 1000],
    [10, 1000],
    ["12.5", 1250],
    ["12.5%", 1250],
    ["0.015", 2], // half-up at a hundredth of a percent
    ["100", 10000],
    ["0", 0],
  ])("%s%% -> %s bp", (percent, bp) => {
    expect(percentToBasisPoints(percent)).toBe(bp);
  });
  it.each(["-1", "100.01", "ten"])("refuses %s", (percent) => {
    expect(() => percentToBasisPoints(percent)).toThrow(InvalidAmount);
  });
});

describe("formatBasisPoints", () => {
  it.each([
    [1000, "10%"],
    [1250, "12.5%"],
    [5, "0.05%"],
    [10000, "100%"],
    [0, "0%"],
  ])("%s -> %s", (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});

describe("assertPercentBasisPoints", () => {
  it.each([-1, 10001, 1.5, "10"])("refuses %s", (value) => {
    expect(() => assertPercentBasisPoints(value)).toThrow(InvalidAmount);
  });
});
