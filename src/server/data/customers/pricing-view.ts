// A customer's price list as screens read it: the stored tiers (null = the default applies),
// the price each tier actually charges, and the volume discount.
import "server-only";
import { tierPrice } from "~/domain/index";
import type { CustomerPricing } from "../../db/generated/client";
import { pricingRulesOf } from "../pricing/load-pricing-rules";

export function pricingView(pricing: CustomerPricing | null) {
  const rules = pricingRulesOf(pricing);
  return {
    ...rules,
    /** What the 1st, 2nd, 3rd, 4th and 5th-and-later repair cost with these rules (before any volume discount). */
    effectiveTiers: [1, 2, 3, 4, 5].map((ordinal) => tierPrice(ordinal, rules)),
    updatedAt: pricing?.updatedAt ?? null,
  };
}
export type PricingView = ReturnType<typeof pricingView>;
