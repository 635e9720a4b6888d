// Points granted in the transaction that completes repairs: 50 (the figure set) per repair, and
// both referral bonuses when a referred customer's first repair is completed. One statement for
// any number of repairs (a sync batch adds no query per repair). The partial unique indexes of
// PointsEntry and ON CONFLICT DO NOTHING make every grant pay once, whatever replays or races.
// A customer whose first repair was completed while rewards were off has had its first repair:
// its referral pays nothing later.
import "server-only";
import { type RewardSettings, referralBonuses, repairGrant } from "~/domain/rewards";
import type { DbTx } from "../../db";
import { readRewardSettings } from "./reward-settings";

/** Statuses of a repair whose work is done (completed, then invoiced, then paid). */
const DONE = ["COMPLETED", "INVOICED", "CLOSED"];

export async function grantRewardsForCompletion(
  tx: DbTx,
  repairs: readonly { id: string }[],
  options: { createdById: string | null; note?: string; settings?: RewardSettings },
): Promise<number> {
  if (repairs.length === 0) return 0;
  const settings = options.settings ?? (await readRewardSettings(tx));
  const referral = referralBonuses(settings);
  if (!referral) return 0;
  const perRepair = repairGrant(settings);
  const ids = [...new Set(repairs.map((r) => r.id))];
  const note = options.note ?? "";
  // The referred customer's first repair: no done repair of that customer outside this batch.
  return tx.$executeRaw`
    WITH done AS (
      SELECT r.id, r."customerId", c."referredByCustomerId" AS referrer
      FROM "Repair" r JOIN "Customer" c ON c.id = r."customerId"
      WHERE r.id = ANY(${ids}::uuid[]) AND r.status::text = ANY(${DONE})
    ),
    first AS (
      SELECT DISTINCT ON (d."customerId") d."customerId", d.referrer, d.id
      FROM done d
      WHERE d.referrer IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Repair" o
        WHERE o."customerId" = d."customerId" AND o.status::text = ANY(${DONE}) AND o.id <> ALL(${ids}::uuid[])
      )
      ORDER BY d."customerId", d.id
    )
    INSERT INTO "PointsEntry" (id, "customerId", kind, points, "repairId", "referralCustomerId", note, "createdById")
    SELECT gen_random_uuid(), "customerId", 'GRANT_REPAIR'::"PointsKind", ${perRepair}::int, id, NULL::uuid,
      ${note}, ${options.createdById}::uuid
    FROM done
    UNION ALL
    SELECT gen_random_uuid(), referrer, 'GRANT_REFERRER'::"PointsKind", ${referral.referrer}::int, id, "customerId",
      ${note}, ${options.createdById}::uuid
    FROM first
    UNION ALL
    SELECT gen_random_uuid(), "customerId", 'GRANT_REFERRED'::"PointsKind", ${referral.referred}::int, id, referrer,
      ${note}, ${options.createdById}::uuid
    FROM first
    ON CONFLICT DO NOTHING`;
}
