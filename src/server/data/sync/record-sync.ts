// Remembers when each technician's device last reached the server, so a manager can see whose
// work may still be waiting on a device. Not audited: it records contact, not a business change.
import "server-only";
import type { Db } from "../../db";
import { requestLog } from "../../logging/logger";
import type { ServiceContext } from "../../service-context";

export async function recordSync(db: Db, ctx: ServiceContext, at = new Date()): Promise<void> {
  const technicianId = ctx.actor.technician?.id;
  if (!technicianId) return;
  try {
    // One statement in autocommit: Prisma's updateMany would wrap it in a transaction of its own
    // (two more round trips on every push).
    await db.$executeRaw`UPDATE "Technician" SET "lastSyncAt" = ${at}, "updatedAt" = ${at} WHERE id = ${technicianId}::uuid`;
  } catch (error) {
    // The device must still get its results: they say what was saved.
    requestLog().error({ err: error }, "sync.push: could not record the sync time");
  }
}
