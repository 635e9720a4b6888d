// Photos fill a phone: a walk the server has confirmed completely (its start, every repair with
// every file, its end with the signature) is removed from the device a while after it ended.
// Anything not confirmed stays, however old.
import type { RsDb } from "./db";
import { deleteFilesOf } from "./delete-files";

export const KEEP_SYNCED_WALKS_MS = 2 * 24 * 60 * 60 * 1000;

/** Returns the ids of the walks removed. */
export async function pruneSyncedWalks(db: RsDb, now = new Date(), keepMs = KEEP_SYNCED_WALKS_MS): Promise<string[]> {
  return db.transaction("rw", [db.localWalks, db.localRepairs, db.blobs, db.blobContent, db.outbox], async () => {
    const finished = await db.localWalks.where("status").equals("FINISHED").toArray();
    const removed: string[] = [];
    for (const walk of finished) {
      if (
        walk.startSync !== "synced" ||
        walk.finishSync !== "synced" ||
        !walk.endedAt ||
        now.getTime() - walk.endedAt.getTime() < keepMs
      )
        continue;
      const repairs = await db.localRepairs.where("walkId").equals(walk.id).toArray();
      if (repairs.some((r) => r.sync !== "synced")) continue;
      const owners = [walk.id, ...repairs.map((r) => r.id)];
      const blobs = await db.blobs.where("ownerId").anyOf(owners).toArray();
      if (blobs.some((b) => b.confirmed !== 1)) continue;
      if ((await db.outbox.where("recordId").anyOf(owners).count()) > 0) continue;
      await deleteFilesOf(db, owners);
      await db.localRepairs.bulkDelete(repairs.map((r) => r.id));
      await db.localWalks.delete(walk.id);
      removed.push(walk.id);
    }
    return removed;
  });
}
