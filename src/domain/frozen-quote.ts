import { type PriceQuote, type PriceRepairInput, priceRepair } from "./pricing";

// A repair's price is frozen when it is completed: ordinal, price and source are stored and
// never recomputed, whatever later edits, price-list changes or history corrections happen
// (a real system silently changed historical prices when old repairs were re-saved).

export type FrozenQuote = Readonly<PriceQuote> & { readonly frozen: true };

export function freezeQuote(quote: PriceQuote): FrozenQuote {
  if (isFrozen(quote)) return quote;
  return Object.freeze({ ...quote, frozen: true as const });
}

export function isFrozen(quote: PriceQuote | FrozenQuote): quote is FrozenQuote {
  return "frozen" in quote && quote.frozen === true;
}

/**
 * The price to show or store after something changed (rules, history, a re-save):
 * - a frozen quote is returned as is;
 * - an override stays until someone overrides again (it is a person's decision, not a computation);
 * - anything else is recomputed from `input`.
 */
export function repriceIfNotFrozen(
  current: PriceQuote | FrozenQuote | null,
  input: PriceRepairInput,
): PriceQuote | FrozenQuote {
  if (current && (isFrozen(current) || current.source === "OVERRIDE")) return current;
  return priceRepair(input);
}
