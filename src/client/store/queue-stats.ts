// What is still on its way to the server, for the queue status bar.
import type { OutboxEntry, RsDb } from "./db";

export type RejectedItem = { outboxId: string; type: OutboxEntry["type"]; recordId: string; code: string; message: string; createdAt: Date };

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
    const entries = await db.outbox.orderBy("seq").toArray();
    const uploads = await db.blobs.where("confirmed").equals(0).toArray();
    const times = [...entries.map((e) => e.createdAt.getTime()), ...uploads.map((b) => b.createdAt.getTime())];
    return {
      unsynced: entries.length + uploads.length,
      pendingChanges: entries.filter((e) => e.state !== "failed").length,
      pendingUploads: uploads.length,
      pendingUploadBytes: uploads.reduce((sum, b) => sum + b.size - b.uploadedBytes, 0),
      oldestAt: times.length ? new Date(Math.min(...times)) : null,
      rejected: entries
        .filter((e) => e.state === "failed")
        .map((e) => ({ outboxId: e.id, type: e.type, recordId: e.recordId, code: e.lastError?.code ?? "REFUSED", message: e.lastError?.message ?? "", createdAt: e.createdAt })),
    };
  });
}
