// What is still on its way to the server, for the queue status bar. Re-read after every change
// to the queue (every save on a walk), so it counts by index and reads whole rows only of the
// refused changes: its cost does not grow with the number of photos waiting to upload.
import { Dexie } from "dexie";
import type { OutboxEntry, RsDb } from "./db";

export type RejectedItem = {
  outboxId: string;
  type: OutboxEntry["type"];
  recordId: string;
  code: string;
  message: string;
  createdAt: Date;
};

export type QueueStats = {
  /** Changes not yet confirmed plus attachments whose bytes are not yet confirmed. */
  unsynced: number;
  pendingChanges: number;
  pendingUploads: number;
  /** When the oldest unsynced item was made; null when everything is synced. */
  oldestAt: Date | null;
  rejected: RejectedItem[];
};

export async function queueStats(db: RsDb): Promise<QueueStats> {
  return db.transaction("r", [db.outbox, db.blobs], async () => {
    const [changes, oldestChange, refused, uploads, oldestUpload] = await Promise.all([
      db.outbox.count(),
      db.outbox.orderBy("seq").first(),
      db.outbox.where("state").equals("failed").toArray(),
      db.blobs.where("confirmed").equals(0).count(),
      db.blobs.where("[confirmed+createdAt]").between([0, Dexie.minKey], [0, Dexie.maxKey]).first(),
    ]);
    const times = [oldestChange?.createdAt, oldestUpload?.createdAt].filter((t) => t !== undefined);
    return {
      unsynced: changes + uploads,
      pendingChanges: changes - refused.length,
      pendingUploads: uploads,
      oldestAt: times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null,
      rejected: refused.map((e) => ({
        outboxId: e.id,
        type: e.type,
        recordId: e.recordId,
        code: e.lastError?.code ?? "REFUSED",
        message: e.lastError?.message ?? "",
        createdAt: e.createdAt,
      })),
    };
  });
}
