// One chunk of an attachment's bytes (PUT /api/uploads/{attachmentId}?offset=n). Chunks are
// appended in order to the content-addressed blob; the last one is checked against the
// declared sha256, and a mismatch resets the blob so the device sends the content again.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { type Actor, UPLOAD_CHUNK_BYTES } from "~/domain";
import type { Db, DbTx } from "../../db";
import type { Attachment } from "../../db/generated/client";
import { loadAttachmentToUpload } from "../../data/attachments/load-attachment-to-upload";
import { type BlobState, confirmFromStoredBlob, lockBlobFor } from "../../data/attachments/stored-blob";
import { UploadRefused } from "../../data/attachments/upload-refused";

export const chunkInput = z.object({
  attachmentId: z.uuid(),
  offset: z.coerce.number().int().min(0),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the chunk is raw bytes"),
});
export type ChunkInput = z.input<typeof chunkInput>;

export type ChunkReceived = { receivedBytes: number; complete: boolean };

export async function receiveChunk(db: Db, actor: Actor, raw: ChunkInput): Promise<ChunkReceived> {
  const input = chunkInput.parse(raw);
  const outcome = await db.$transaction(async (tx) => {
    const attachment = await loadAttachmentToUpload(tx, actor, input.attachmentId);
    if (input.bytes.length > UPLOAD_CHUNK_BYTES) {
      throw new UploadRefused(
        "CHUNK_TOO_LARGE",
        `A chunk is at most ${UPLOAD_CHUNK_BYTES} bytes; this one is ${input.bytes.length}.`,
      );
    }
    // A resent last chunk whose answer was lost: the upload is done.
    if (attachment.uploadedAt) return done(attachment);
    const blob = await lockBlobFor(tx, attachment);
    if (blob.completedAt) {
      await confirmFromStoredBlob(tx, attachment, blob);
      return done(attachment);
    }
    return append(tx, attachment, blob, input.offset, input.bytes);
  });
  // Thrown after the transaction committed the reset, so the device starts over from 0.
  if (outcome === "CHECKSUM_MISMATCH") {
    throw new UploadRefused(
      "CHECKSUM_MISMATCH",
      "The uploaded content does not match its checksum; send it again from the start.",
      0,
    );
  }
  return outcome;
}

async function append(tx: DbTx, attachment: Attachment, blob: BlobState, offset: number, bytes: Uint8Array) {
  if (offset !== blob.receivedBytes) {
    throw new UploadRefused(
      "OFFSET_MISMATCH",
      `The server has ${blob.receivedBytes} bytes; continue from there.`,
      blob.receivedBytes,
    );
  }
  if (bytes.length === 0) throw new UploadRefused("EMPTY_CHUNK", "The chunk is empty.");
  const receivedBytes = offset + bytes.length;
  if (receivedBytes > attachment.sizeBytes) {
    throw new UploadRefused(
      "MORE_BYTES_THAN_DECLARED",
      `The attachment was declared as ${attachment.sizeBytes} bytes; this chunk goes beyond.`,
    );
  }
  // Appended in the database, so earlier chunks never travel back to this process.
  await tx.$executeRaw`
    UPDATE "StoredBlob" SET content = COALESCE(content, ''::bytea) || ${Buffer.from(bytes)}, "receivedBytes" = ${receivedBytes}
    WHERE sha256 = ${attachment.sha256}`;
  if (receivedBytes < attachment.sizeBytes) return { receivedBytes, complete: false };
  return verifyWhole(tx, attachment);
}

async function verifyWhole(tx: DbTx, attachment: Attachment): Promise<ChunkReceived | "CHECKSUM_MISMATCH"> {
  const { content } = await tx.storedBlob.findUniqueOrThrow({
    where: { sha256: attachment.sha256 },
    select: { content: true },
  });
  const actual = createHash("sha256")
    .update(content ?? new Uint8Array())
    .digest("hex");
  if (actual !== attachment.sha256) {
    await tx.storedBlob.update({ where: { sha256: attachment.sha256 }, data: { content: null, receivedBytes: 0 } });
    return "CHECKSUM_MISMATCH";
  }
  const now = new Date();
  await tx.storedBlob.update({
    where: { sha256: attachment.sha256 },
    data: { completedAt: now, sizeBytes: attachment.sizeBytes },
  });
  await tx.attachment.update({ where: { id: attachment.id }, data: { uploadedAt: now } });
  return done(attachment);
}

const done = (attachment: Attachment): ChunkReceived => ({ receivedBytes: attachment.sizeBytes, complete: true });
