// What is still on its way to the server, for the queue status bar. Re-read after every change
// to the queue, so it counts by index and reads whole rows only where it must (refused changes,
// and the sizes of files still to upload).
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
  pendingUploadBytes: number;
  /** When the oldest unsynced item was made; null when everything is synced. */
  oldestAt: Date | null;
  rejected: RejectedItem[];
};

export async function queueStats(db: RsDb): Promise<QueueStats> {
  return db.transaction("r", [db.outbox, db.blobs], async () => {
    const [changes, oldestChange, refused, uploads] = await Promise.all([
      db.outbox.count(),
      db.outbox.orderBy("seq").first(),
      db.outbox.where("state").equals("failed").toArray(),
      db.blobs.where("confirmed").equals(0).toArray(),
    ]);
    const times = [
      ...(oldestChange ? [oldestChange.createdAt.getTime()] : []),
      ...uploads.map((b) => b.createdAt.getTime()),
    ];
    return {
      unsynced: changes + uploads.length,
      pendingChanges: changes - refused.length,
      pendingUploads: uploads.length,
      pendingUploadBytes: uploads.reduce((sum, b) => sum + b.size - b.uploadedBytes, 0),
      oldestAt: times.length ? new Date(Math.min(...times)) : null,
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
