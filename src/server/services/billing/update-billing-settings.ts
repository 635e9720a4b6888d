// The admin sets whether invoices wait as drafts for review, and the invoice header. Audited.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import { type BillingSettings, readBillingSettings } from "../../data/billing/billing-settings";
import { textInput } from "../../data/shared-inputs";
import type { ServiceContext } from "../../service-context";

export const updateBillingSettingsInput = z.object({
  invoiceDrafts: z.boolean(),
  invoiceName: textInput(FIELDS.companyName, { required: true }),
  invoiceAddress: textInput(FIELDS.address),
  invoiceEmail: textInput(FIELDS.email),
});

export async function updateBillingSettings(
  db: Db,
  ctx: ServiceContext,
  input: z.infer<typeof updateBillingSettingsInput>,
): Promise<BillingSettings> {
  assertAllowed(ctx.actor, "invoice.manage", null);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:business-settings'))`;
    const before = await readBillingSettings(tx);
    const data = { ...input, updatedById: ctx.actor.userId };
    await tx.businessSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const after = await readBillingSettings(tx);
    await auditChange(tx, ctx, {
      action: "billingSettings.update",
      entityType: "BusinessSettings",
      entityId: "1",
      before,
      after,
    });
    return after;
  });
}
