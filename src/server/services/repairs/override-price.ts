// A manager's or admin's price replaces the computed one, with a reason, within the limits the
// domain sets. Before completion it becomes the estimate and wins when the price is frozen;
// on a completed repair it re-freezes the price with source OVERRIDE, keeping the ordinal.
import "server-only";
import { z } from "zod";
import { PRICE_FROZEN_STATUSES, type PriceQuote, assertAllowed, overriddenQuote } from "~/domain";
import type { Db } from "../../db";
import type { Repair } from "../../db/generated/client";
import { auditChange } from "../../data/audit-change";
import { estimateFields, frozenFields } from "../../data/pricing/quote-repair";
import type { ServiceContext } from "../../service-context";
import { centsInput, reasonInput } from "../../data/shared-inputs";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const overridePriceInput = z.object({ repairId: z.uuid(), amountCents: centsInput, reason: reasonInput });
export type OverridePriceInput = z.input<typeof overridePriceInput>;

export async function overridePrice(db: Db, ctx: ServiceContext, raw: OverridePriceInput): Promise<RepairView> {
  const input = overridePriceInput.parse(raw);
  const repair = await db.$transaction(async (tx) => {
    const before = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
    assertAllowed(ctx.actor, "repair.overridePrice", {
      repair: repairRef(before),
      amountCents: input.amountCents,
      reason: input.reason,
    });
    const quote = overriddenQuote(currentQuoteOf(before), input.amountCents, input.reason);
    const frozen = PRICE_FROZEN_STATUSES.includes(before.status);
    const after = await tx.repair.update({
      where: { id: before.id },
      data: {
        ...(frozen ? frozenFields(quote) : {}),
        ...estimateFields(quote),
        overrideCents: quote.cents,
        overrideReason: input.reason.trim(),
        overriddenById: ctx.actor.userId,
        overriddenAt: new Date(),
      },
    });
    await auditChange(tx, ctx, {
      action: "repair.overridePrice",
      entityType: "Repair",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
  return repairView(ctx.actor, repair);
}

/** The price the repair carries now: frozen at completion, else its estimate (ordinal and version carry over). */
function currentQuoteOf(repair: Repair): PriceQuote {
  const cents = repair.priceCents ?? repair.estimateCents ?? 0;
  return {
    ordinal: repair.tierOrdinal ?? repair.estimateOrdinal ?? 1,
    cents,
    source: repair.priceSource ?? repair.estimateSource ?? "DEFAULT_TIER",
    tierCents: cents,
    discountCents: 0,
    rulesVersion: repair.pricingVersion ?? 0,
    explanation: "",
  };
}
