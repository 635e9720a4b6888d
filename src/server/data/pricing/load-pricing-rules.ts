// The customer's price list (CustomerPricing) as the domain's PricingRules; a customer
// without one is priced with the business's defaults (version 0).
import "server-only";
import { DEFAULT_PRICING_RULES, type PricingRules } from "~/domain/index";
import type { DbTx } from "../../db";
import type { CustomerPricing } from "../../db/generated/client";

export async function loadPricingRules(tx: DbTx, customerId: string): Promise<PricingRules> {
  return pricingRulesOf(await tx.customerPricing.findUnique({ where: { customerId } }));
}

export function pricingRulesOf(pricing: CustomerPricing | null): PricingRules {
  if (!pricing) return DEFAULT_PRICING_RULES;
  return {
    version: pricing.version,
    useCustomPricing: pricing.useCustomPricing,
    tiersCents: [
      pricing.repair1Cents,
      pricing.repair2Cents,
      pricing.repair3Cents,
      pricing.repair4Cents,
      pricing.repair5PlusCents,
    ],
    volumeDiscountThreshold: pricing.volumeDiscountThreshold,
    volumeDiscountBasisPoints: pricing.volumeDiscountBasisPoints,
  };
}
