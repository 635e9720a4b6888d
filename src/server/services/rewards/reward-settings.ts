// The admin reads and saves the rewards figures (points per repair, referral bonuses, the
// redemption rate, on/off). Switching rewards on again starts the points check's window anew:
// repairs completed while they were off earned nothing and are not reported. Audited.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import { REWARD_SETTING_RANGES, assertRewardSettings } from "~/domain/rewards";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { type RewardState, readRewardState } from "../../data/rewards/reward-settings";

export async function getRewardSettings(db: Db, ctx: ServiceContext): Promise<RewardState> {
  assertAllowed(ctx.actor, "user.manage", null);
  return readRewardState(db);
}

const whole = (what: string, { min, max }: { min: number; max: number }) =>
  z
    .number()
    .int(`The ${what} must be a whole number.`)
    .min(min, `The ${what} must be between ${min} and ${max}.`)
    .max(max, `The ${what} must be between ${min} and ${max}.`);

export const updateRewardSettingsInput = z.object({
  enabled: z.boolean(),
  pointsPerRepair: whole("points per completed repair", REWARD_SETTING_RANGES.pointsPerRepair),
  referrerBonus: whole("referrer's bonus", REWARD_SETTING_RANGES.referrerBonus),
  referredBonus: whole("referred customer's bonus", REWARD_SETTING_RANGES.referredBonus),
  centsPer100Points: whole("value of 100 points (cents)", REWARD_SETTING_RANGES.centsPer100Points),
});
export type UpdateRewardSettingsInput = z.input<typeof updateRewardSettingsInput>;

export async function updateRewardSettings(
  db: Db,
  ctx: ServiceContext,
  raw: UpdateRewardSettingsInput,
): Promise<RewardState> {
  const input = updateRewardSettingsInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  assertRewardSettings(input);
  return db.$transaction(async (tx) => {
    // The same lock as the other business settings: one save at a time, a true "before".
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:business-settings'))`;
    const before = await readRewardState(tx);
    const data = {
      rewardsEnabled: input.enabled,
      rewardsPointsPerRepair: input.pointsPerRepair,
      rewardsReferrerBonus: input.referrerBonus,
      rewardsReferredBonus: input.referredBonus,
      rewardsCentsPer100Points: input.centsPer100Points,
      ...(input.enabled && !before.enabled ? { rewardsSince: new Date() } : {}),
      updatedById: ctx.actor.userId,
    };
    await tx.businessSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const after = await readRewardState(tx);
    await auditChange(tx, ctx, {
      action: "rewards.updateSettings",
      entityType: "BusinessSettings",
      entityId: "1",
      before,
      after,
    });
    return after;
  });
}
