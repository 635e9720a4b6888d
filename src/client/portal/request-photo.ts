// A customer's damage photo for a repair request: kept on the device (the same blob store the
// walk uses) until the server confirms its bytes, so a failed upload loses nothing and can be
// retried. The request carries the photo's metadata; the bytes follow once it is accepted.
import { type BlobRow, rsDb } from "../store/db";
import { type CapturedFile, attachmentRows } from "../store/captured-file";
import { type UploadOutcome, uploadAttachment } from "../sync/upload-attachment";

export async function keepRequestPhoto(repairId: string, file: CapturedFile) {
  const { row, content, meta } = attachmentRows({ ownerType: "repair", ownerId: repairId }, "PHOTO", file, "DAMAGE");
  const db = rsDb();
  await db.transaction("rw", [db.blobs, db.blobContent], () =>
    Promise.all([db.blobs.put(row), db.blobContent.put(content)]),
  );
  return { row, meta };
}

/** After the server accepted the request: its attachment row exists, so the bytes may go. */
export async function sendRequestPhoto(row: BlobRow): Promise<UploadOutcome> {
  const db = rsDb();
  await db.blobs.update(row.id, { ownerAcknowledged: 1 });
  const current = (await db.blobs.get(row.id)) ?? { ...row, ownerAcknowledged: 1 as const };
  return uploadAttachment(db, current, { fetch: window.fetch.bind(window) });
}

/** The upload's last error, in words, when it did not go through. */
export async function requestPhotoProblem(attachmentId: string): Promise<string | null> {
  return (await rsDb().blobs.get(attachmentId))?.lastError?.message ?? null;
}
