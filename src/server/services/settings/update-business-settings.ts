// The admin saves the business-wide settings: smart assignment's weights (refused unless they
// add up to 1, the sum in the sentence), auto-assignment of customer requests, the average
// driving speed and the weeks of walks generated ahead. Audited before -> after.
import "server-only";
import { z } from "zod";
import { assertAllowed, assertAssignmentWeights } from "~/domain";
import { ASSIGNMENT_FACTORS, BUSINESS_SETTING_RANGES, type BusinessSettings } from "~/domain/business-settings";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { readBusinessSettings } from "../../data/settings/business-settings";

const weight = (factor: string) =>
  z
    .number()
    .min(0, `The ${factor} weight must be between 0 and 1.`)
    .max(1, `The ${factor} weight must be between 0 and 1.`);
const whole = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number()
    .int(`The ${what} must be a whole number.`)
    .min(min, `The ${what} must be between ${min} and ${max}.`)
    .max(max, `The ${what} must be between ${min} and ${max}.`);

export const updateBusinessSettingsInput = z.object({
  assignmentWeights: z.object(
    Object.fromEntries(ASSIGNMENT_FACTORS.map((f) => [f, weight(f)])) as Record<
      (typeof ASSIGNMENT_FACTORS)[number],
      ReturnType<typeof weight>
    >,
  ),
  autoAssignRequests: z.boolean(),
  averageSpeedKmh: whole("average speed (km/h)", BUSINESS_SETTING_RANGES.averageSpeedKmh),
  walkHorizonWeeks: whole("walk horizon (weeks)", BUSINESS_SETTING_RANGES.walkHorizonWeeks),
});
export type UpdateBusinessSettingsInput = z.input<typeof updateBusinessSettingsInput>;

export async function updateBusinessSettings(
  db: Db,
  ctx: ServiceContext,
  raw: UpdateBusinessSettingsInput,
): Promise<BusinessSettings> {
  const input = updateBusinessSettingsInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  assertAssignmentWeights(input.assignmentWeights);
  return db.$transaction(async (tx) => {
    // Saves one at a time, so the audit's "before" is what the save replaced (the row may not exist yet).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:business-settings'))`;
    const before = await readBusinessSettings(tx);
    const data = { ...input, updatedById: ctx.actor.userId };
    await tx.businessSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const after = await readBusinessSettings(tx);
    await auditChange(tx, ctx, {
      action: "businessSettings.update",
      entityType: "BusinessSettings",
      entityId: "1",
      before,
      after,
    });
    return after;
  });
}
