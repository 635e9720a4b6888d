// The bytes of one attachment's upload in progress, kept per attachment: another person's upload
// of the same content cannot reset it, and naming a sha256 never makes anyone else's bytes
// yours. Once complete and checked, the content joins the content-addressed StoredBlob (stored
// once however many attachments carry it, an internal detail never named to a client).
// The bytes are in the blob store under the attachment's id; the PartialUpload row counts how
// many of them are received (the store may hold more, written by a chunk whose transaction rolled
// back, or kept by a reset to 0: the next chunks overwrite them). The store is not part of the
// transaction, so bytes are dropped from it only once the transaction that stopped counting them
// has committed (PartialDrops): a transaction that rolls back instead (the process killed, the
// connection lost) leaves a row that still counts bytes the store still holds.
import "server-only";
import type { Readable } from "node:stream";
import { ABANDONED_UPLOAD_DAYS, OPEN_UPLOAD_BYTES_PER_USER } from "~/domain/index";
import { BlobMissing, blobStore } from "../../blobs";
import type { Db, DbTx } from "../../db";
import type { Attachment } from "../../db/generated/client";
import { logger } from "../../logging/logger";
import { UploadRefused } from "./upload-refused";

export type PartialState = { receivedBytes: number };

/** Uploads whose bytes leave the store once the transaction that dropped their rows committed. */
export class PartialDrops {
  readonly #ids = new Set<string>();

  add(attachmentId: string) {
    this.#ids.add(attachmentId);
  }

  /** Call after the commit, never after a rollback. A failure leaves bytes no row counts: unread, never served. */
  async run(): Promise<void> {
    for (const attachmentId of this.#ids) {
      await blobStore()
        .dropPartial(attachmentId)
        .catch((error: unknown) => logger().warn({ err: error, attachmentId }, "dropping an upload's bytes failed"));
    }
    this.#ids.clear();
  }
}

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
export async function openPartial(
  tx: DbTx,
  drops: PartialDrops,
  userId: string,
  attachment: Attachment,
  now: Date,
): Promise<PartialState> {
  await dropAbandonedUploads(tx, now, ABANDONED_UPLOAD_DAYS, drops);
  // One opening per person at a time, on every instance: two uploads started together must not
  // both pass the check below before either is counted.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rs:upload-quota'), hashtext(${userId}))`;
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

/**
 * Writes a chunk at `offset` in the store (earlier chunks never travel back to this process) and
 * counts it. Returns false when the store lost the earlier bytes: the upload is reset to 0.
 */
export async function appendToPartial(
  tx: DbTx,
  attachmentId: string,
  offset: number,
  bytes: Uint8Array,
): Promise<boolean> {
  await moveLegacyPartial(tx, attachmentId);
  try {
    // Durable in the store before the row counts it: the count never runs ahead of the bytes.
    await blobStore().writePartial(attachmentId, offset, bytes);
  } catch (error) {
    if (!(error instanceof BlobMissing)) throw error;
    await resetPartial(tx, attachmentId);
    return false;
  }
  await tx.partialUpload.update({
    where: { attachmentId },
    data: { receivedBytes: offset + bytes.length, updatedAt: new Date() },
  });
  return true;
}

/**
 * An upload begun before the blob store holds its bytes in the row: they go to the store first
 * (`npm run blobs:move` does the same for all of them at once).
 */
export async function moveLegacyPartial(tx: DbTx, attachmentId: string) {
  const row = await tx.partialUpload.findUnique({
    where: { attachmentId },
    select: { inStore: true, content: true, receivedBytes: true },
  });
  if (!row || row.inStore) return;
  await blobStore().writePartial(attachmentId, 0, row.content.subarray(0, row.receivedBytes));
  await tx.partialUpload.update({ where: { attachmentId }, data: { content: new Uint8Array(), inStore: true } });
}

/** The received bytes of the upload, read from the store (throws BlobMissing when it lost them). */
export async function partialContent(tx: DbTx, attachmentId: string): Promise<Readable> {
  await moveLegacyPartial(tx, attachmentId);
  const { receivedBytes } = await tx.partialUpload.findUniqueOrThrow({
    where: { attachmentId },
    select: { receivedBytes: true },
  });
  return blobStore().openPartial(attachmentId, receivedBytes);
}

/**
 * The upload starts over from 0 (its content did not match its checksum, or the store lost it).
 * The store keeps what it holds until the chunks sent again overwrite it, or the upload is
 * dropped: deleted now, it could take a restarted upload's first chunk with it.
 */
export async function resetPartial(tx: DbTx, attachmentId: string) {
  await tx.partialUpload.update({
    where: { attachmentId },
    data: { content: new Uint8Array(), inStore: true, receivedBytes: 0, updatedAt: new Date() },
  });
}

export async function dropPartial(tx: DbTx, drops: PartialDrops, attachmentId: string) {
  await tx.partialUpload.deleteMany({ where: { attachmentId } });
  drops.add(attachmentId);
}

/**
 * The checked content becomes the attachment's: stored once per sha256 (identical content is
 * already there when another attachment carried it), and the attachment is marked uploaded.
 * The store checks the bytes against the sha256 again as it writes them, before the row names
 * their key. A crash between the two leaves an object no row names: unreachable, never served.
 */
export async function confirmUpload(tx: DbTx, drops: PartialDrops, attachment: Attachment, now: Date) {
  const stored = await tx.storedBlob.findUnique({ where: { sha256: attachment.sha256 }, select: { sha256: true } });
  if (!stored) {
    const store = blobStore();
    const expected = { sha256: attachment.sha256, sizeBytes: attachment.sizeBytes };
    const storeKey = await store.put(await partialContent(tx, attachment.id), expected);
    const inserted = await tx.$executeRaw`
      INSERT INTO "StoredBlob" (sha256, "mimeType", "sizeBytes", "receivedBytes", "storeKey", "completedAt")
      VALUES (${attachment.sha256}, ${attachment.mimeType}, ${attachment.sizeBytes}, ${attachment.sizeBytes},
        ${storeKey}, ${now})
      ON CONFLICT (sha256) DO NOTHING`;
    // Another attachment of the same content was stored meanwhile: one copy is enough.
    if (inserted === 0) await store.delete(storeKey);
  }
  await dropPartial(tx, drops, attachment.id);
  await tx.attachment.update({ where: { id: attachment.id }, data: { uploadedAt: now } });
}

/**
 * Drops the unfinished uploads nobody added to for `days` days (a lost phone, a discarded
 * capture); their devices, if they come back, start those files again from 0. Returns how many.
 * Within a transaction, `drops` takes their bytes out of the store once it committed.
 */
export async function dropAbandonedUploads(
  db: Db | DbTx,
  now: Date,
  days = ABANDONED_UPLOAD_DAYS,
  drops?: PartialDrops,
): Promise<number> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const abandoned = await db.partialUpload.findMany({
    where: { updatedAt: { lt: before } },
    select: { attachmentId: true },
  });
  if (abandoned.length === 0) return 0;
  const ids = abandoned.map((row) => row.attachmentId);
  const { count } = await db.partialUpload.deleteMany({ where: { attachmentId: { in: ids }, updatedAt: { lt: before } } });
  // An upload written to meanwhile kept its row: its bytes stay too.
  const kept = await db.partialUpload.findMany({ where: { attachmentId: { in: ids } }, select: { attachmentId: true } });
  const later = drops ?? new PartialDrops();
  for (const id of ids) if (!kept.some((row) => row.attachmentId === id)) later.add(id);
  if (!drops) await later.run();
  return count;
}
