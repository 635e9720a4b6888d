// Remembers when each technician's device last reached the server, so a manager can see whose
// work may still be waiting on a device, and where the device last was (the newest GPS fix the
// batch carried), which smart assignment measures distances from. Not audited: it records
// contact, not a business change.
import "server-only";
import type { GeoFix } from "~/domain";
import type { Db } from "../../db";
import { requestLog } from "../../logging/logger";
import type { ServiceContext } from "../../service-context";

export async function recordSync(db: Db, ctx: ServiceContext, at = new Date(), fix: GeoFix | null = null): Promise<void> {
  const technicianId = ctx.actor.technician?.id;
  if (!technicianId) return;
  try {
    // One statement in autocommit: Prisma's updateMany would wrap it in a transaction of its own
    // (two more round trips on every push).
    if (fix) {
      // An older fix (a batch that waited on another device) never replaces a newer one.
      await db.$executeRaw`UPDATE "Technician" SET "lastSyncAt" = ${at}, "updatedAt" = ${at},
        "lastLatitude" = CASE WHEN "lastPositionAt" IS NULL OR "lastPositionAt" < ${fix.at} THEN ${fix.latitude} ELSE "lastLatitude" END,
        "lastLongitude" = CASE WHEN "lastPositionAt" IS NULL OR "lastPositionAt" < ${fix.at} THEN ${fix.longitude} ELSE "lastLongitude" END,
        "lastPositionAt" = GREATEST("lastPositionAt", ${fix.at})
        WHERE id = ${technicianId}::uuid`;
    } else {
      await db.$executeRaw`UPDATE "Technician" SET "lastSyncAt" = ${at}, "updatedAt" = ${at} WHERE id = ${technicianId}::uuid`;
    }
  } catch (error) {
    // The device must still get its results: they say what was saved.
    requestLog().error({ err: error }, "sync.push: could not record the sync time");
  }
}
