// The bytes of one attachment's upload in progress, kept per attachment: another person's upload
// of the same content cannot reset it, and naming a sha256 never makes anyone else's bytes
// yours. Once complete and checked, the content joins the content-addressed StoredBlob (stored
// once however many attachments carry it, an internal detail never named to a client).
import "server-only";
import { ABANDONED_UPLOAD_DAYS, OPEN_UPLOAD_BYTES_PER_USER } from "~/domain/index";
import type { Db, DbTx } from "../../db";
import type { Attachment } from "../../db/generated/client";
import { UploadRefused } from "./upload-refused";

export type PartialState = { receivedBytes: number };

/** The attachment's row, locked until the transaction ends: its chunks are taken one at a time. */
export async function lockAttachment(tx: DbTx, attachmentId: string): Promise<{ uploadedAt: Date | null }> {
  const [row] = await tx.$queryRaw<{ uploadedAt: Date | null }[]>`
    SELECT "uploadedAt" FROM "Attachment" WHERE id = ${attachmentId}::uuid FOR UPDATE`;
  return row!;
}

/** How many bytes of the attachment's upload the server holds (0 when none). */
export async function partialState(tx: DbTx, attachmentId: string): Promise<PartialState | null> {
  return tx.partialUpload.findUnique({ where: { attachmentId }, select: { receivedBytes: true } });
}

/**
 * Opens the attachment's upload, within the uploader's quota of open uploads. Uploads abandoned
 * for ABANDONED_UPLOAD_DAYS are dropped first, so storage is reclaimed whenever uploads go on.
 */
export async function openPartial(tx: DbTx, userId: string, attachment: Attachment, now: Date): Promise<PartialState> {
  await dropAbandonedUploads(tx, now);
  const open = await tx.partialUpload.aggregate({ where: { userId }, _sum: { sizeBytes: true } });
  if ((open._sum.sizeBytes ?? 0) + attachment.sizeBytes > OPEN_UPLOAD_BYTES_PER_USER) {
    throw new UploadRefused(
      "UPLOAD_QUOTA_EXCEEDED",
      "Too many files are being uploaded at once from this account; finish those first, then try again.",
    );
  }
  await tx.partialUpload.create({
    data: { attachmentId: attachment.id, userId, sizeBytes: attachment.sizeBytes, updatedAt: now },
  });
  return { receivedBytes: 0 };
}

/** Appends a chunk in the database, so earlier chunks never travel back to this process. */
export async function appendToPartial(tx: DbTx, attachmentId: string, bytes: Uint8Array, receivedBytes: number) {
  await tx.$executeRaw`
    UPDATE "PartialUpload" SET content = content || ${Buffer.from(bytes)}, "receivedBytes" = ${receivedBytes},
      "updatedAt" = now()
    WHERE "attachmentId" = ${attachmentId}::uuid`;
}

export async function partialContent(tx: DbTx, attachmentId: string): Promise<Uint8Array> {
  const { content } = await tx.partialUpload.findUniqueOrThrow({ where: { attachmentId }, select: { content: true } });
  return content;
}

/** The upload starts over from 0 (its content did not match its checksum). */
export async function resetPartial(tx: DbTx, attachmentId: string) {
  await tx.partialUpload.update({
    where: { attachmentId },
    data: { content: new Uint8Array(), receivedBytes: 0, updatedAt: new Date() },
  });
}

export async function dropPartial(tx: DbTx, attachmentId: string) {
  await tx.partialUpload.deleteMany({ where: { attachmentId } });
}

/**
 * The checked content becomes the attachment's: stored once per sha256 (identical content is
 * already there when another attachment carried it), and the attachment is marked uploaded.
 */
export async function confirmUpload(tx: DbTx, attachment: Attachment, now: Date) {
  await tx.$executeRaw`
    INSERT INTO "StoredBlob" (sha256, "mimeType", "sizeBytes", "receivedBytes", content, "completedAt")
    SELECT ${attachment.sha256}, ${attachment.mimeType}, "receivedBytes", "receivedBytes", content, ${now}
    FROM "PartialUpload" WHERE "attachmentId" = ${attachment.id}::uuid
    ON CONFLICT (sha256) DO NOTHING`;
  await dropPartial(tx, attachment.id);
  await tx.attachment.update({ where: { id: attachment.id }, data: { uploadedAt: now } });
}

/**
 * Drops the unfinished uploads nobody added to for `days` days (a lost phone, a discarded
 * capture); their devices, if they come back, start those files again from 0. Returns how many.
 */
export async function dropAbandonedUploads(db: Db | DbTx, now: Date, days = ABANDONED_UPLOAD_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const { count } = await db.partialUpload.deleteMany({ where: { updatedAt: { lt: before } } });
  return count;
}
