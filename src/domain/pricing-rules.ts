import { DomainError } from "./errors";
import { type Cents } from "./money";
import { type BasisPoints, FULL_PERCENT_BASIS_POINTS } from "./percent";

// The price list a repair is priced with: the business's default tiers, or a customer's
// own tiers (seeds' CustomerPricing). Versioned so an offline estimate can say which
// cached list it used and the server can tell when that list was stale.

/** 1st $50, 2nd $40, 3rd $35, 4th $30, 5th and later $25. */
export const DEFAULT_TIERS_CENTS = [5000, 4000, 3500, 3000, 2500] as const;

/** Five tiers: 1st, 2nd, 3rd, 4th, 5th-and-later. `null` = not set, fall back to the default. */
export type CustomTiersCents = [Cents | null, Cents | null, Cents | null, Cents | null, Cents | null];

export type PricingRules = {
  version: number;
  useCustomPricing: boolean;
  tiersCents: CustomTiersCents;
  /** The n-th completed repair of the customer in a calendar month from which the discount applies. */
  volumeDiscountThreshold: number;
  /** 0 = no volume discount. */
  volumeDiscountBasisPoints: BasisPoints;
};

export const DEFAULT_PRICING_RULES: PricingRules = Object.freeze({
  version: 0,
  useCustomPricing: false,
  tiersCents: Object.freeze([null, null, null, null, null]) as unknown as CustomTiersCents,
  volumeDiscountThreshold: 10, // the business's default
  volumeDiscountBasisPoints: 0,
}) as PricingRules;

export type PricingErrorCode = "INVALID_PRICING_RULES" | "INVALID_REPAIR_COUNT" | "INVALID_OVERRIDE";

export class PricingError extends DomainError {
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Throws PricingError("INVALID_PRICING_RULES") naming the first bad field. */
export function assertPricingRules(rules: PricingRules): void {
  const bad = (field: string, value: unknown, expected: string): never => {
    throw new PricingError(
      "INVALID_PRICING_RULES",
      `pricing rules: ${field} must be ${expected}, got ${String(value)}`,
    );
  };
  if (!Number.isSafeInteger(rules.version) || rules.version < 0) bad("version", rules.version, "a whole number >= 0");
  if (!Array.isArray(rules.tiersCents) || rules.tiersCents.length !== 5)
    bad("tiersCents", rules.tiersCents, "five tiers");
  rules.tiersCents.forEach((tier, i) => {
    if (tier !== null && (!Number.isSafeInteger(tier) || tier < 0)) {
      bad(`tier ${i + 1}`, tier, "null or whole cents >= 0");
    }
  });
  if (!Number.isSafeInteger(rules.volumeDiscountThreshold) || rules.volumeDiscountThreshold < 0) {
    bad("volumeDiscountThreshold", rules.volumeDiscountThreshold, "a whole number >= 0");
  }
  const bp = rules.volumeDiscountBasisPoints;
  if (!Number.isInteger(bp) || bp < 0 || bp > FULL_PERCENT_BASIS_POINTS) {
    bad("volumeDiscountBasisPoints", bp, "whole basis points between 0 and 10000");
  }
}

/** Throws PricingError("INVALID_REPAIR_COUNT") unless a whole count >= 0. */
export function assertCount(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PricingError("INVALID_REPAIR_COUNT", `${label} must be a whole number >= 0, got ${String(value)}`);
  }
}

/**
 * Position of a repair in the windshield's life: 1 + repairs completed since the last
 * windshield replacement + its index among the breaks of a multi-break job.
 */
export function tierOrdinal(completedOnWindshield: number, indexInJob = 0): number {
  assertCount(completedOnWindshield, "completed repairs on this windshield");
  assertCount(indexInJob, "index of the break in the job");
  return 1 + completedOnWindshield + indexInJob;
}

export type TierSource = "DEFAULT_TIER" | "CUSTOM_TIER";

/**
 * Tier price for an ordinal. The customer's tier wins only when custom pricing is on and
 * that tier is set; 0 is a real price (free), only null means "use the default".
 */
export function tierPrice(ordinal: number, rules: PricingRules): { cents: Cents; source: TierSource } {
  if (!Number.isSafeInteger(ordinal) || ordinal < 1) {
    throw new PricingError("INVALID_REPAIR_COUNT", `tier ordinal must be a whole number >= 1, got ${String(ordinal)}`);
  }
  const index = Math.min(ordinal, 5) - 1;
  const custom = rules.useCustomPricing ? rules.tiersCents[index] : null;
  if (custom !== null && custom !== undefined) return { cents: custom, source: "CUSTOM_TIER" };
  return { cents: DEFAULT_TIERS_CENTS[index] ?? DEFAULT_TIERS_CENTS[4], source: "DEFAULT_TIER" };
}
