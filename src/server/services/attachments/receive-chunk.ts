// One chunk of an attachment's bytes (PUT /api/uploads/{attachmentId}?offset=n). Chunks are
// appended in order to this attachment's own upload; the whole content is then checked against
// the declared sha256 (a mismatch resets the upload, the device sends it again) and against the
// declared type (a mismatch is final). Only then is the attachment uploaded: naming the sha256
// of content the server already holds proves nothing, sending the bytes does. Bytes the store
// lost (a part the database counts but the store no longer holds) are not a mismatch of the
// device's file: the upload is reset and the device continues from 0, as after a 409.
import "server-only";
import { z } from "zod";
import { type Actor, CONTENT_HEAD_BYTES, UPLOAD_CHUNK_BYTES, contentMatchesType, mimeBaseType } from "~/domain";
import { BlobMismatch, BlobMissing, digestOf } from "../../blobs";
import type { Db, DbTx } from "../../db";
import type { Attachment } from "../../db/generated/client";
import { loadAttachmentToUpload } from "../../data/attachments/load-attachment-to-upload";
import {
  type PartialState,
  PartialDrops,
  appendToPartial,
  confirmUpload,
  dropPartial,
  lockAttachment,
  openPartial,
  partialContent,
  partialState,
  resetPartial,
} from "../../data/attachments/partial-upload";
import { UploadRefused } from "../../data/attachments/upload-refused";

export const chunkInput = z.object({
  attachmentId: z.uuid(),
  offset: z.coerce.number().int().min(0),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the chunk is raw bytes"),
});
export type ChunkInput = z.input<typeof chunkInput>;

export type ChunkReceived = { receivedBytes: number; complete: boolean };

type Rejected = "CHECKSUM_MISMATCH" | "CONTENT_NOT_OF_TYPE" | "STORE_LOST_PARTIAL";

export async function receiveChunk(db: Db, actor: Actor, raw: ChunkInput): Promise<ChunkReceived> {
  const input = chunkInput.parse(raw);
  let declaredType = "";
  const drops = new PartialDrops();
  const outcome = await db.$transaction(async (tx) => {
    const attachment = await loadAttachmentToUpload(tx, actor, input.attachmentId);
    declaredType = mimeBaseType(attachment.mimeType) ?? attachment.mimeType;
    if (input.bytes.length > UPLOAD_CHUNK_BYTES) {
      throw new UploadRefused(
        "CHUNK_TOO_LARGE",
        `A chunk is at most ${UPLOAD_CHUNK_BYTES} bytes; this one is ${input.bytes.length}.`,
      );
    }
    // A resent last chunk whose answer was lost: the upload is done.
    if ((await lockAttachment(tx, attachment.id)).uploadedAt) return done(attachment);
    const partial =
      (await partialState(tx, attachment.id)) ?? (await openPartial(tx, drops, actor.userId, attachment, new Date()));
    return append(tx, drops, attachment, partial, input.offset, input.bytes);
  });
  await drops.run();
  // Thrown after the transaction committed the reset, so the device starts over from 0.
  if (outcome === "CHECKSUM_MISMATCH") {
    throw new UploadRefused(
      "CHECKSUM_MISMATCH",
      "The uploaded content does not match its checksum; send it again from the start.",
      0,
    );
  }
  if (outcome === "STORE_LOST_PARTIAL") {
    throw new UploadRefused("OFFSET_MISMATCH", "The server has 0 bytes; continue from there.", 0);
  }
  if (outcome === "CONTENT_NOT_OF_TYPE") {
    throw new UploadRefused(
      "CONTENT_NOT_OF_TYPE",
      `The file's content is not ${declaredType} as it was declared; it will not be stored.`,
    );
  }
  return outcome;
}

async function append(
  tx: DbTx,
  drops: PartialDrops,
  attachment: Attachment,
  partial: PartialState,
  offset: number,
  bytes: Uint8Array,
) {
  if (offset !== partial.receivedBytes) {
    throw new UploadRefused(
      "OFFSET_MISMATCH",
      `The server has ${partial.receivedBytes} bytes; continue from there.`,
      partial.receivedBytes,
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
  // The store lost the bytes before this chunk (a data folder restored from an older copy):
  // the device is told to start again from 0.
  if (!(await appendToPartial(tx, attachment.id, offset, bytes))) return "STORE_LOST_PARTIAL";
  if (receivedBytes < attachment.sizeBytes) return { receivedBytes, complete: false };
  return verifyWhole(tx, drops, attachment);
}

async function verifyWhole(tx: DbTx, drops: PartialDrops, attachment: Attachment): Promise<ChunkReceived | Rejected> {
  // Hashed as it streams from the store: a whole file is never held in memory.
  const content = await partialContent(tx, attachment.id)
    .then((stream) => digestOf(stream, CONTENT_HEAD_BYTES))
    .catch((error: unknown) => {
      if (error instanceof BlobMissing) return null;
      throw error;
    });
  if (!content) {
    await resetPartial(tx, attachment.id);
    return "STORE_LOST_PARTIAL";
  }
  if (content.sha256 !== attachment.sha256 || content.sizeBytes !== attachment.sizeBytes) {
    await resetPartial(tx, attachment.id);
    return "CHECKSUM_MISMATCH";
  }
  if (!contentMatchesType(attachment.mimeType, content.head)) {
    await dropPartial(tx, drops, attachment.id);
    return "CONTENT_NOT_OF_TYPE";
  }
  try {
    await confirmUpload(tx, drops, attachment, new Date());
  } catch (error) {
    // The store lost or changed the bytes between the check and the copy: the device's bytes
    // matched, so it is not told they did not; it sends them again from 0.
    if (!(error instanceof BlobMismatch) && !(error instanceof BlobMissing)) throw error;
    await resetPartial(tx, attachment.id);
    return "STORE_LOST_PARTIAL";
  }
  return done(attachment);
}

const done = (attachment: Attachment): ChunkReceived => ({ receivedBytes: attachment.sizeBytes, complete: true });
