// The admin reads and saves the two costs behind the profit margin (materials per repair, a
// technician's hour). Audited, under the business settings' lock like every other such save.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { CostSettings } from "~/domain/analytics";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { readCostSettings } from "../../data/analytics/cost-settings";

export async function getCostSettings(db: Db, ctx: ServiceContext): Promise<CostSettings> {
  assertAllowed(ctx.actor, "user.manage", null);
  return readCostSettings(db);
}

/** Up to $10,000.00: a figure beyond is a typing mistake. */
const cents = (what: string) =>
  z
    .number()
    .int(`The ${what} must be a whole number of cents.`)
    .min(0, `The ${what} cannot be negative.`)
    .max(1_000_000, `The ${what} must be at most $10,000.00.`);

export const updateCostSettingsInput = z.object({
  materialsCostCentsPerRepair: cents("materials cost per repair"),
  technicianHourlyCostCents: cents("technician hourly cost"),
});

export async function updateCostSettings(
  db: Db,
  ctx: ServiceContext,
  raw: z.input<typeof updateCostSettingsInput>,
): Promise<CostSettings> {
  const input = updateCostSettingsInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:business-settings'))`;
    const before = await readCostSettings(tx);
    const data = { ...input, updatedById: ctx.actor.userId };
    await tx.businessSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await auditChange(tx, ctx, {
      action: "analytics.updateCosts",
      entityType: "BusinessSettings",
      entityId: "1",
      before,
      after: input,
    });
    return input;
  });
}
