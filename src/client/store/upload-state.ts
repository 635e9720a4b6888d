// Where an attachment's upload stands on the device: bytes the server holds, confirmation,
// and errors to show. Confirmation may complete its record's sync.
import type { BlobRow, RsDb, SyncError } from "./db";
import { settleOwner } from "./record-sync-state";

/** Attachments whose record the server has and whose bytes it still lacks, oldest first. */
export async function uploadsDue(db: RsDb): Promise<BlobRow[]> {
  // By index: offline on a lot nothing is acknowledged yet, so this reads no rows at all.
  const rows = await db.blobs.where("[confirmed+ownerAcknowledged]").equals([0, 1]).toArray();
  return rows.filter((b) => !b.refusedAt).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function recordUploadedBytes(db: RsDb, id: string, uploadedBytes: number): Promise<void> {
  await db.blobs.update(id, { uploadedBytes });
}

export async function recordUploadError(db: RsDb, id: string, error: SyncError, refused = false): Promise<void> {
  await db.blobs.update(id, refused ? { lastError: error, refusedAt: new Date() } : { lastError: error });
}

export async function confirmUpload(db: RsDb, id: string): Promise<void> {
  await db.transaction("rw", [db.blobs, db.localRepairs, db.localWalks], async () => {
    const row = await db.blobs.get(id);
    if (!row) return;
    await db.blobs.update(id, { confirmed: 1, uploadedBytes: row.size, lastError: undefined, refusedAt: undefined });
    await settleOwner(db, row.ownerType, row.ownerId);
  });
}
