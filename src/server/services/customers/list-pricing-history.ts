// Who changed a customer's price list, what and when, newest first: read from the audit log,
// which holds every change before -> after.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";

export const listPricingHistoryInput = z.object({ customerId: z.uuid() });
export type ListPricingHistoryInput = z.input<typeof listPricingHistoryInput>;

export async function listPricingHistory(db: Db, ctx: ServiceContext, raw: ListPricingHistoryInput) {
  const input = listPricingHistoryInput.parse(raw);
  assertAllowed(ctx.actor, "audit.view", null);
  return db.$transaction(async (tx) => {
    const pricing = await tx.customerPricing.findUnique({
      where: { customerId: input.customerId },
      select: { id: true },
    });
    if (!pricing) return [];
    const entries = await tx.auditLog.findMany({
      where: { entityType: "CustomerPricing", entityId: pricing.id },
      include: { actor: { select: { name: true } } },
      orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    });
    return entries.map((e) => ({
      at: e.createdAt,
      action: e.action,
      actor: e.actorId ? { id: e.actorId, email: e.actorEmail, name: e.actor?.name ?? null } : null,
      changes: e.changes as Record<string, { before: unknown; after: unknown }>,
      ip: e.ip,
    }));
  });
}
