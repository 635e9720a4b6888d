// The admin reads and saves the quality rules: warn or refuse per photo check, warranty months
// and completion steps per damage type, the peer-review share, the training-flag thresholds.
// Saved whole, one save at a time, audited before -> after.
import "server-only";
import { z } from "zod";
import { DAMAGE_TYPES, assertAllowed } from "~/domain";
import { QUALITY_LIMITS, type QualitySettings } from "~/domain/quality-settings";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { readQuality } from "../../data/settings/quality-settings";

const verdict = z.enum(["warn", "refuse"], { error: "Choose warn or refuse." });
const months = z
  .number()
  .int("Warranty months must be a whole number.")
  .min(QUALITY_LIMITS.warrantyMonths.min, `Warranty months must be between 0 and ${QUALITY_LIMITS.warrantyMonths.max}.`)
  .max(
    QUALITY_LIMITS.warrantyMonths.max,
    `Warranty months must be between 0 and ${QUALITY_LIMITS.warrantyMonths.max}.`,
  );
const step = z
  .string()
  .trim()
  .min(1, "A completion step cannot be empty.")
  .max(
    QUALITY_LIMITS.completionSteps.maxLength,
    `A completion step is at most ${QUALITY_LIMITS.completionSteps.maxLength} characters.`,
  )
  .regex(/^[^\p{Cc}]*$/u, "A completion step cannot contain control characters.");
const steps = z
  .array(step)
  .max(
    QUALITY_LIMITS.completionSteps.maxItems,
    `At most ${QUALITY_LIMITS.completionSteps.maxItems} completion steps per damage type.`,
  );
const perType = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(DAMAGE_TYPES.map((t) => [t, value])) as Record<(typeof DAMAGE_TYPES)[number], T>);
const positive = (what: string, max: number) =>
  z.number().min(0, `The ${what} must be between 0 and ${max}.`).max(max, `The ${what} must be between 0 and ${max}.`);

export const updateQualitySettingsInput = z.object({
  photoChecks: z.object({ blur: verdict, exposure: verdict, size: verdict }),
  requirePhotoPairs: z.boolean().default(false),
  warrantyMonths: perType(months),
  completionSteps: perType(steps),
  peerReviewPercent: z
    .number()
    .int("The peer-review share is a whole percent.")
    .min(0, "The peer-review share is from 0 to 100%.")
    .max(100, "The peer-review share is from 0 to 100%."),
  training: z.object({
    maxCallbackPercent: positive("callback limit (%)", 100),
    minSurveyAverage: positive("survey average", 5),
    minReviewAverage: positive("review average", 5),
    minSample: z.number().int("The sample is a whole number.").min(1, "The sample is at least 1.").max(1000),
  }),
});
export type UpdateQualitySettingsInput = z.input<typeof updateQualitySettingsInput>;

export async function getQualitySettings(db: Db, ctx: ServiceContext): Promise<QualitySettings> {
  assertAllowed(ctx.actor, "user.manage", null);
  return readQuality(db);
}

export async function updateQualitySettings(
  db: Db,
  ctx: ServiceContext,
  raw: UpdateQualitySettingsInput,
): Promise<QualitySettings> {
  const input = updateQualitySettingsInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  // Each type's steps once, in the admin's order (the completion compares them by text).
  const completionSteps = Object.fromEntries(
    Object.entries(input.completionSteps).map(([type, list]) => [type, [...new Set(list)]]),
  );
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:business-settings'))`;
    const before = await readQuality(tx);
    const qualitySettings = { ...input, completionSteps };
    await tx.businessSettings.upsert({
      where: { id: 1 },
      create: { id: 1, qualitySettings, updatedById: ctx.actor.userId },
      update: { qualitySettings, updatedById: ctx.actor.userId },
    });
    const after = await readQuality(tx);
    await auditChange(tx, ctx, {
      action: "qualitySettings.update",
      entityType: "BusinessSettings",
      entityId: "1",
      before,
      after,
    });
    return after;
  });
}
