// The admin sets a customer's price list: five tiers (null = the default
// tier applies, 0 = free), custom pricing on or off, a volume discount. Each change bumps the
// list's version (devices compare it with their cached copy), re-quotes the customer's open
// work and is audited before -> after. Completed repairs keep their frozen price.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, assertPricingRules } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { centsInput, int4Input, textInput } from "../../data/shared-inputs";
import { lockCustomer } from "../../data/customers/lock-customer";
import { pricingRulesOf } from "../../data/pricing/load-pricing-rules";
import { refreshCustomerEstimates } from "../../data/repairs/refresh-customer-estimates";
import { pricingView } from "../../data/customers/pricing-view";

const tier = centsInput.nullable();

export const updatePricingInput = z.object({
  customerId: z.uuid(),
  useCustomPricing: z.boolean().optional(),
  /** 1st, 2nd, 3rd, 4th, 5th-and-later, in cents; replaced together when given. */
  tiersCents: z.tuple([tier, tier, tier, tier, tier]).optional(),
  volumeDiscountThreshold: int4Input.optional(),
  /** 10% = 1000. */
  volumeDiscountBasisPoints: int4Input.optional(),
  notes: textInput(FIELDS.pricingNotes).optional(),
});
export type UpdatePricingInput = z.input<typeof updatePricingInput>;

export async function updatePricing(db: Db, ctx: ServiceContext, raw: UpdatePricingInput) {
  const input = updatePricingInput.parse(raw);
  const { customerId } = input;
  assertAllowed(ctx.actor, "customer.settings.edit", { customerId });
  return db.$transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const before = await tx.customerPricing.findUnique({ where: { customerId } });
    const current = pricingRulesOf(before);
    const rules = {
      ...current,
      useCustomPricing: input.useCustomPricing ?? current.useCustomPricing,
      tiersCents: input.tiersCents ?? current.tiersCents,
      volumeDiscountThreshold: input.volumeDiscountThreshold ?? current.volumeDiscountThreshold,
      volumeDiscountBasisPoints: input.volumeDiscountBasisPoints ?? current.volumeDiscountBasisPoints,
    };
    assertPricingRules(rules);
    const fields = {
      useCustomPricing: rules.useCustomPricing,
      repair1Cents: rules.tiersCents[0],
      repair2Cents: rules.tiersCents[1],
      repair3Cents: rules.tiersCents[2],
      repair4Cents: rules.tiersCents[3],
      repair5PlusCents: rules.tiersCents[4],
      volumeDiscountThreshold: rules.volumeDiscountThreshold,
      volumeDiscountBasisPoints: rules.volumeDiscountBasisPoints,
      notes: input.notes ?? before?.notes ?? "",
    };
    const unchanged =
      before && Object.entries(fields).every(([key, value]) => before[key as keyof typeof fields] === value);
    if (unchanged) return { ...pricingView(before), notes: before.notes, refreshedUnits: 0 };

    const after = await tx.customerPricing.upsert({
      where: { customerId },
      create: { ...fields, customerId, createdById: ctx.actor.userId, updatedById: ctx.actor.userId },
      update: { ...fields, version: { increment: 1 }, updatedById: ctx.actor.userId },
    });
    await auditChange(tx, ctx, {
      action: "customer.updatePricing",
      entityType: "CustomerPricing",
      entityId: after.id,
      before,
      after,
    });
    const refreshedUnits = await refreshCustomerEstimates(tx, customerId);
    return { ...pricingView(after), notes: after.notes, refreshedUnits };
  });
}
