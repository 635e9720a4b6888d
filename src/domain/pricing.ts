import { type Cents, formatCents } from "./money";
import { ordinalWord } from "./ordinal";
import { formatBasisPoints } from "./percent";
import {
  assertPricingRules,
  type PricingRules,
  PricingError,
  type TierSource,
  tierOrdinal,
  tierPrice,
} from "./pricing-rules";
import { monthPosition, volumeDiscountCents } from "./volume-discount";

// The one place a repair's price is decided. A quote carries where its price came from,
// so it can be frozen at completion and shown on an invoice without recomputing.

export type PriceSource = TierSource | "VOLUME_DISCOUNT" | "OVERRIDE" | "WARRANTY";

export type PriceQuote = {
  /** Tier ordinal of the repair on its windshield (1 = first repair since replacement). */
  ordinal: number;
  /** What the customer pays for this repair. */
  cents: Cents;
  source: PriceSource;
  /** The tier price before any discount or override. */
  tierCents: Cents;
  /** Volume discount taken off the tier price (0 for an override). */
  discountCents: Cents;
  /** Version of the price list used, to spot an estimate made from a stale offline copy. */
  rulesVersion: number;
  explanation: string;
};

export type PriceRepairInput = {
  /** Repairs completed on this unit since its last windshield replacement (from history). */
  completedOnWindshield: number;
  /** Index of this break within a multi-break job; 0 for a single break. */
  indexInJob?: number;
  /** The customer's repairs completed this business month before this job. */
  customerCompletedThisMonth: number;
  rules: PricingRules;
};

export function priceRepair(input: PriceRepairInput): PriceQuote {
  const { rules } = input;
  assertPricingRules(rules);
  const indexInJob = input.indexInJob ?? 0;
  const ordinal = tierOrdinal(input.completedOnWindshield, indexInJob);
  const tier = tierPrice(ordinal, rules);
  const discountCents = volumeDiscountCents({
    tierCents: tier.cents,
    customerCompletedThisMonth: input.customerCompletedThisMonth,
    indexInJob,
    rules,
  });
  const tierText = `${ordinalWord(ordinal)} repair on this windshield: ${formatCents(tier.cents)} (${tierLabel(ordinal, tier.source)})`;
  if (discountCents === 0) {
    return {
      ordinal,
      cents: tier.cents,
      source: tier.source,
      tierCents: tier.cents,
      discountCents: 0,
      rulesVersion: rules.version,
      explanation: tierText,
    };
  }
  // Source says what set the final price: only a discount that took something off counts.
  const cents = tier.cents - discountCents;
  const position = monthPosition(input.customerCompletedThisMonth, indexInJob);
  return {
    ordinal,
    cents,
    source: "VOLUME_DISCOUNT",
    tierCents: tier.cents,
    discountCents,
    rulesVersion: rules.version,
    explanation:
      `${tierText}, less ${formatBasisPoints(rules.volumeDiscountBasisPoints)} volume discount ` +
      `(${ordinalWord(position)} repair this month, from the ${ordinalWord(rules.volumeDiscountThreshold || 1)} on): ${formatCents(cents)}`,
  };
}

function tierLabel(ordinal: number, source: TierSource): string {
  const which = source === "CUSTOM_TIER" ? "customer tier" : "default tier";
  return ordinal >= 5 ? `${which}, 5th and later` : which;
}

/**
 * A manager's or admin's price replaces the computed one outright (no volume discount on
 * top). Who may override, and up to what amount, is decided in permissions.
 */
export function overriddenQuote(baseQuote: PriceQuote, overrideCents: Cents, reason: string): PriceQuote {
  if (!Number.isSafeInteger(overrideCents) || overrideCents < 0) {
    throw new PricingError(
      "INVALID_OVERRIDE",
      `override amount must be whole cents >= 0, got ${String(overrideCents)}`,
    );
  }
  const why = reason.trim();
  if (!why) throw new PricingError("INVALID_OVERRIDE", "a price override needs a reason");
  return {
    ordinal: baseQuote.ordinal,
    cents: overrideCents,
    source: "OVERRIDE",
    tierCents: baseQuote.tierCents,
    discountCents: 0,
    rulesVersion: baseQuote.rulesVersion,
    explanation: `${ordinalWord(baseQuote.ordinal)} repair on this windshield: ${formatCents(overrideCents)} (price override, tier price ${formatCents(baseQuote.tierCents)}): ${why}`,
  };
}

/**
 * True when two quotes for the same repair disagree on what is charged or why: the
 * server recomputes an offline estimate on sync, keeps its own, and flags the difference.
 */
export function quotesDiffer(a: PriceQuote, b: PriceQuote): boolean {
  return a.ordinal !== b.ordinal || a.cents !== b.cents || a.source !== b.source || a.discountCents !== b.discountCents;
}

/** A warranty claim's follow-up: free, whatever its tier; the ordinal still counts the windshield's work. */
export function warrantyQuote(baseQuote: PriceQuote): PriceQuote {
  return { ...baseQuote, cents: 0, source: "WARRANTY", discountCents: 0 };
}
