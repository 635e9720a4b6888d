import { type TechnicianProfile } from "./actors";
import { DomainError } from "./errors";
import { DEFAULT_PRICING_RULES, type PricingRules } from "./pricing-rules";

// Shared builders for the domain tests (not exported from index).

export function rulesWith(overrides: Partial<PricingRules>): PricingRules {
  return { ...DEFAULT_PRICING_RULES, tiersCents: [...DEFAULT_PRICING_RULES.tiersCents], ...overrides };
}

/** Custom tiers $60 / $50 / $45 with tiers 4 and 5+ unset. */
export const CUSTOM_60_50_45 = rulesWith({
  version: 3,
  useCustomPricing: true,
  tiersCents: [6000, 5000, 4500, null, null],
});

/** 10% off from the customer's 10th completed repair of the month. */
export const TEN_PERCENT_FROM_10TH = rulesWith({
  version: 4,
  volumeDiscountThreshold: 10,
  volumeDiscountBasisPoints: 1000,
});

/** A technician's rights: a plain, active technician unless `extra` says otherwise. */
export const technicianProfile = (id: string, extra: Partial<TechnicianProfile> = {}): TechnicianProfile => ({
  id,
  isManager: false,
  approvalLimitCents: null,
  canAssignWork: false,
  canOverridePricing: false,
  managedTechnicianIds: [],
  isActive: true,
  ...extra,
});

/** "ok", or the code of the DomainError `check` throws. */
export function refusalCode(check: () => void): string {
  try {
    check();
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
