// The points check: completed repairs (since rewards were last switched on) without their
// GRANT_REPAIR entry. The earlier system silently stopped granting points; this one says so.
import "server-only";
import { missingRepairGrants } from "~/domain/rewards";
import type { Db, DbTx } from "../../db";
import { readRewardState } from "./reward-settings";

export type MissingGrant = { repairId: string; customerId: string };

export async function findMissingGrants(db: Db | DbTx): Promise<MissingGrant[]> {
  const { enabled, since } = await readRewardState(db);
  if (!enabled) return [];
  // As text: a zone in the literal is ignored for "timestamp", which holds UTC (Prisma's way),
  // whatever the session's time zone.
  const from = since?.toISOString() ?? null;
  const completed = await db.$queryRaw<MissingGrant[]>`
    SELECT r.id AS "repairId", r."customerId"
    FROM "Repair" r
    WHERE r.status::text IN ('COMPLETED', 'INVOICED', 'CLOSED') AND r."completedAt" IS NOT NULL
      AND (${from}::timestamp IS NULL OR r."completedAt" >= ${from}::timestamp)
    ORDER BY r."completedAt", r.id`;
  const granted = await db.$queryRaw<{ repairId: string }[]>`
    SELECT p."repairId" FROM "PointsEntry" p JOIN "Repair" r ON r.id = p."repairId"
    WHERE p.kind = 'GRANT_REPAIR' AND (${from}::timestamp IS NULL OR r."completedAt" >= ${from}::timestamp)`;
  const missing = new Set(
    missingRepairGrants(
      completed.map((c) => c.repairId),
      granted.map((g) => g.repairId),
    ),
  );
  return completed.filter((c) => missing.has(c.repairId));
}

/** Stores the check's result for the admin's banner. */
export async function recordPointsCheck(db: Db | DbTx, missing: number, at = new Date()): Promise<void> {
  await db.businessSettings.upsert({
    where: { id: 1 },
    create: { id: 1, rewardsCheckedAt: at, rewardsMissingGrants: missing },
    update: { rewardsCheckedAt: at, rewardsMissingGrants: missing },
  });
}
