// The walks repairs are being captured on, read under a share lock held until the transaction
// ends: a finish (FOR UPDATE) waits for the captures already under way, and a capture that
// comes after a finish sees the walk completed. Captures on one walk do not wait for each other.
import "server-only";
import type { LotWalkRef, WalkForCapture } from "~/domain/index";
import type { DbTx } from "../../db";
import type { LotWalk } from "../../db/generated/client";
import { signedSummaryInput } from "../../services/walks/finish-walk";

/** What capturing reads of a walk: whose it is, where, whether the customer has blocked its technician, and whether it still takes repairs. */
export type CaptureWalk = Pick<LotWalk, "id" | "customerId" | "technicianId" | "status"> & WalkForCapture & LotWalkRef;

type Row = Pick<LotWalk, "id" | "customerId" | "technicianId" | "status" | "signedSummary"> & {
  blockedByCustomer: boolean;
};

/** The walks found among `ids`, by id (a walk not found may not have been synced yet). */
export async function lockWalksForCapture(tx: DbTx, ids: readonly string[]): Promise<Map<string, CaptureWalk>> {
  // "_BlockedTechnicians": Prisma's table of Customer.blockedTechnicians (A: customer, B: technician).
  const rows = await tx.$queryRaw<Row[]>`
    SELECT w.id, w."customerId", w."technicianId", w.status::text AS status, w."signedSummary",
      EXISTS (SELECT 1 FROM "_BlockedTechnicians" b WHERE b."A" = w."customerId" AND b."B" = w."technicianId")
        AS "blockedByCustomer"
    FROM "LotWalk" w
    WHERE w.id = ANY(${[...new Set(ids)]}::uuid[]) ORDER BY w.id FOR SHARE OF w`;
  return new Map(
    rows.map(({ signedSummary, ...walk }) => [walk.id, { ...walk, signedRepairIds: signedRepairIds(signedSummary) }]),
  );
}

/** The repairs the site contact signed for (none before the walk is finished). */
function signedRepairIds(summary: unknown): string[] {
  const signed = signedSummaryInput.safeParse(summary);
  return signed.success ? signed.data.units.flatMap((unit) => unit.repairs.map((repair) => repair.id)) : [];
}
