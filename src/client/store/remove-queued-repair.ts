// Deleting a repair saved on the device by mistake, before it reaches the server: when it could
// still be edited (queued, walk not signed) and the domain's rule lets it go (no other price was
// derived from it: src/domain/capture-withdrawal.ts).
import { captureWithdrawalRefusal } from "~/domain";
import type { RsDb } from "./db";
import { EditRefused, editableRepair } from "./edit-queued-repair";
import { deleteFilesOf } from "./delete-files";

export async function removalRefusal(db: RsDb, repairId: string): Promise<string | null> {
  const editable = await editableRepair(db, repairId);
  if (editable.refusal !== null) return editable.refusal;
  const { repair } = editable;
  const laterBreaksInJob = await db.localRepairs
    .where("jobId")
    .equals(repair.jobId)
    .filter((r) => r.breakIndex > repair.breakIndex)
    .count();
  return captureWithdrawalRefusal({ completedOnSpot: repair.completedOnSpot === 1, laterBreaksInJob });
}

/** Removes the repair, its queued capture and its files from the device. */
export async function removeQueuedRepair(db: RsDb, repairId: string): Promise<void> {
  await db.transaction("rw", [db.outbox, db.localRepairs, db.localWalks, db.blobs, db.blobContent], async () => {
    const refusal = await removalRefusal(db, repairId);
    if (refusal) throw new EditRefused(refusal);
    await db.outbox
      .where("recordId")
      .equals(repairId)
      .filter((e) => e.type === "repair.capture")
      .delete();
    await deleteFilesOf(db, [repairId]);
    await db.localRepairs.delete(repairId);
  });
}
