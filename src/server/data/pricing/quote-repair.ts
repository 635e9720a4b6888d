// A repair's price as the domain computes it from the customer's rules and the history,
// with a manager's override winning when there is one. Used for estimates and at completion.
import "server-only";
import { type PriceQuote, type PricingRules, overriddenQuote, priceRepair } from "~/domain/index";
import type { DbTx } from "../../db";
import type { PriceSource, Repair } from "../../db/generated/client";
import { loadPricingRules } from "./load-pricing-rules";
import { completedOnWindshield, customerCompletedThisMonth } from "./price-history";

/** Where a quote reads the price list and the history counts: fresh by default (sync batches reuse them, see batch-capture-facts.ts). */
export type PricingFacts = {
  rules(tx: DbTx, customerId: string): Promise<PricingRules>;
  completedOnWindshield(
    tx: DbTx,
    target: Pick<QuoteTarget, "customerId" | "unitId" | "windshieldSeq">,
  ): Promise<number>;
  completedThisMonth(tx: DbTx, customerId: string, at: Date): Promise<number>;
};

export const freshPricingFacts: PricingFacts = {
  rules: loadPricingRules,
  completedOnWindshield: (tx, target) => completedOnWindshield(tx, target.unitId, target.windshieldSeq),
  completedThisMonth: customerCompletedThisMonth,
};

export type Override = { cents: number; reason: string };

export type QuoteTarget = {
  customerId: string;
  unitId: string;
  windshieldSeq: number;
  /** Position among the not-yet-completed breaks of its job; 0 at completion. */
  indexInJob: number;
  /** When the repair is (or would be) completed: picks the business month. */
  at: Date;
  override: Override | null;
};

export async function quoteRepair(
  tx: DbTx,
  target: QuoteTarget,
  facts: PricingFacts = freshPricingFacts,
): Promise<PriceQuote> {
  const rules = await facts.rules(tx, target.customerId);
  const completed = await facts.completedOnWindshield(tx, target);
  const thisMonth = await facts.completedThisMonth(tx, target.customerId, target.at);
  const quote = priceRepair({
    completedOnWindshield: completed,
    indexInJob: target.indexInJob,
    customerCompletedThisMonth: thisMonth,
    rules,
  });
  return target.override ? overriddenQuote(quote, target.override.cents, target.override.reason) : quote;
}

export const overrideOf = (repair: Pick<Repair, "overrideCents" | "overrideReason">): Override | null =>
  repair.overrideCents === null ? null : { cents: repair.overrideCents, reason: repair.overrideReason ?? "" };

export const estimateFields = (quote: PriceQuote) => ({
  estimateCents: quote.cents,
  estimateOrdinal: quote.ordinal,
  estimateSource: quote.source as PriceSource,
});

export const frozenFields = (quote: PriceQuote) => ({
  priceCents: quote.cents,
  tierOrdinal: quote.ordinal,
  priceSource: quote.source as PriceSource,
  pricingVersion: quote.rulesVersion,
});
