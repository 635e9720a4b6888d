// The points check, daily on the job queue and on an admin's "Check now": completed repairs
// (since rewards were switched on) without their grant. The count is stored for the admin's
// banner and logged. "Grant missing points" grants each one now (at today's figure), audited.
import "server-only";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { grantRewardsForCompletion } from "../../data/rewards/grant-rewards";
import { findMissingGrants, recordPointsCheck } from "../../data/rewards/points-check";
import { logger } from "../../logging/logger";

export type PointsCheckResult = { checkedAt: Date; missingGrants: number };

/** The daily job's work (no actor): count, store, log. */
export async function runPointsCheck(db: Db): Promise<PointsCheckResult> {
  const missing = await findMissingGrants(db);
  const checkedAt = new Date();
  await recordPointsCheck(db, missing.length, checkedAt);
  const log = { missingGrants: missing.length, repairIds: missing.slice(0, 20).map((m) => m.repairId) };
  if (missing.length > 0) logger().warn(log, "points check: completed repairs without their reward points");
  else logger().info(log, "points check: every completed repair has its points");
  return { checkedAt, missingGrants: missing.length };
}

export async function checkPointsNow(db: Db, ctx: ServiceContext): Promise<PointsCheckResult> {
  assertAllowed(ctx.actor, "user.manage", null);
  return runPointsCheck(db);
}

export async function grantMissingPoints(db: Db, ctx: ServiceContext): Promise<{ granted: number }> {
  assertAllowed(ctx.actor, "user.manage", null);
  return db.$transaction(async (tx) => {
    const missing = await findMissingGrants(tx);
    // Inserted rows: repair grants, and referral bonuses a first repair was owed.
    const granted = await grantRewardsForCompletion(
      tx,
      missing.map((m) => ({ id: m.repairId })),
      { createdById: ctx.actor.userId, note: "granted by the points check" },
    );
    await recordPointsCheck(tx, 0);
    await auditChange(tx, ctx, {
      action: "rewards.grantMissing",
      entityType: "BusinessSettings",
      entityId: "1",
      before: { missingGrants: missing.length },
      after: { missingGrants: 0 },
      extra: {
        repairs: { before: null, after: missing.map((m) => m.repairId) },
        entries: { before: 0, after: granted },
      },
    });
    return { granted: missing.length };
  });
}
