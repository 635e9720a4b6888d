// The rewards figures of the business-wide settings row (id 1), with the domain's defaults
// until one is stored, and the last points check's result.
import "server-only";
import { DEFAULT_REWARD_SETTINGS, type RewardSettings } from "~/domain/rewards";
import type { Db, DbTx } from "../../db";

export type RewardState = RewardSettings & {
  /** When rewards were last switched on: the points check looks at completions since then (null: all). */
  since: Date | null;
  checkedAt: Date | null;
  missingGrants: number;
};

export async function readRewardState(db: Db | DbTx): Promise<RewardState> {
  const row = await db.businessSettings.findUnique({
    where: { id: 1 },
    select: {
      rewardsEnabled: true,
      rewardsPointsPerRepair: true,
      rewardsReferrerBonus: true,
      rewardsReferredBonus: true,
      rewardsCentsPer100Points: true,
      rewardsSince: true,
      rewardsCheckedAt: true,
      rewardsMissingGrants: true,
    },
  });
  if (!row) return { ...DEFAULT_REWARD_SETTINGS, since: null, checkedAt: null, missingGrants: 0 };
  return {
    enabled: row.rewardsEnabled,
    pointsPerRepair: row.rewardsPointsPerRepair,
    referrerBonus: row.rewardsReferrerBonus,
    referredBonus: row.rewardsReferredBonus,
    centsPer100Points: row.rewardsCentsPer100Points,
    since: row.rewardsSince,
    checkedAt: row.rewardsCheckedAt,
    missingGrants: row.rewardsMissingGrants,
  };
}

export async function readRewardSettings(db: Db | DbTx): Promise<RewardSettings> {
  const { since: _s, checkedAt: _c, missingGrants: _m, ...settings } = await readRewardState(db);
  return settings;
}
