// Deleting a repair saved on the device by mistake, before it reaches the server. Allowed when
// it can be edited (still queued, walk not signed) and nothing else was priced from it: not a
// repair completed on the spot (it counts toward the windshield's later prices), and the last
// break of its job (each break's price depends on its place in the job).
import type { RsDb } from "./db";
import { EditRefused, editRefusal } from "./edit-queued-repair";

export async function removalRefusal(db: RsDb, repairId: string): Promise<string | null> {
  const refusal = await editRefusal(db, repairId);
  if (refusal) return refusal;
  const repair = (await db.localRepairs.get(repairId))!;
  if (repair.completedOnSpot === 1) return "This repair was completed on the spot and priced the unit's later repairs: it cannot be deleted.";
  const laterBreaks = await db.localRepairs.where("jobId").equals(repair.jobId).filter((r) => r.breakIndex > repair.breakIndex).count();
  if (laterBreaks > 0) return "Later breaks of this job were priced after it: delete them first.";
  return null;
}

/** Removes the repair, its queued capture and its files from the device. */
export async function removeQueuedRepair(db: RsDb, repairId: string): Promise<void> {
  await db.transaction("rw", [db.outbox, db.localRepairs, db.localWalks, db.blobs], async () => {
    const refusal = await removalRefusal(db, repairId);
    if (refusal) throw new EditRefused(refusal);
    await db.outbox.where("recordId").equals(repairId).filter((e) => e.type === "repair.capture").delete();
    await db.blobs.where("ownerId").equals(repairId).delete();
    await db.localRepairs.delete(repairId);
  });
}
