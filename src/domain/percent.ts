import { scaleDecimalHalfUp } from "./decimal";
import { InvalidAmount } from "./errors";

// Percentages are stored as integer basis points (10% = 1000, 12.5% = 1250) so a
// discount never carries a floating-point error into a price.
export type BasisPoints = number;

export const FULL_PERCENT_BASIS_POINTS = 10_000;

/** Throws InvalidAmount unless 0 <= value <= 10000 and whole. */
export function assertPercentBasisPoints(value: unknown, label = "percentage"): asserts value is BasisPoints {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > FULL_PERCENT_BASIS_POINTS) {
    throw new InvalidAmount(`${label} must be whole basis points between 0 and 10000, got ${String(value)}`);
  }
}

/** "12.5" or 12.5 (percent) -> 1250 basis points, half-up at the hundredth of a percent. */
export function percentToBasisPoints(percent: string | number): BasisPoints {
  const text = typeof percent === "string" ? percent.trim().replace(/%$/, "") : percent;
  const basisPoints = scaleDecimalHalfUp(text, 2, "percentage");
  assertPercentBasisPoints(basisPoints);
  return basisPoints;
}

/** 1000 -> "10%", 1250 -> "12.5%", 5 -> "0.05%". */
export function formatBasisPoints(basisPoints: BasisPoints): string {
  assertPercentBasisPoints(basisPoints);
  const whole = Math.floor(basisPoints / 100);
  const fraction = (basisPoints % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
