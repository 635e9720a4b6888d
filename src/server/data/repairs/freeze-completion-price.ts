// The price a repair is completed at: history counted under lock, on the windshield the unit
// has now, an override winning. Written once; no service recomputes it afterwards.
import "server-only";
import { countsInPricingHistory, freezeQuote, warrantyQuote } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { lockPricingHistory } from "../pricing/lock-pricing-history";
import { estimateFields, frozenFields, overrideOf, quoteRepair } from "../pricing/quote-repair";

/** `finishedAt`: when the device says the work was done; never later than the server's clock. */
export async function freezeCompletionPrice(tx: DbTx, repair: Repair, finishedAt: Date) {
  const now = new Date();
  const completedAt = finishedAt < now ? finishedAt : now;
  const { windshieldSeq } = await lockPricingHistory(tx, repair.customerId, repair.unitId);
  // The breaks of a job completed before this one are in the history now: index 0.
  const base = await quoteRepair(tx, {
      customerId: repair.customerId,
      unitId: repair.unitId,
      windshieldSeq,
      indexInJob: 0,
      at: completedAt,
    override: overrideOf(repair),
  });
  const quote = freezeQuote(repair.warrantyOfId ? warrantyQuote(base) : base);
  const fields = { windshieldSeq, completedAt, ...frozenFields(quote), ...estimateFields(quote) };
  // A warranty redo takes no place in the priced history (countsInPricingHistory): no ordinal, so
  // the windshield's next break is the one after the original.
  return countsInPricingHistory(repair) ? fields : { ...fields, tierOrdinal: null };
}
