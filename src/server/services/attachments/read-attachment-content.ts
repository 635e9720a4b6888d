// The bytes of a photo, voice note or signature, for whoever may see the repair or walk they
// document. Every other case is "not found": a customer cannot reach another customer's photo
// by guessing or sharing its URL.
import "server-only";
import { Readable } from "node:stream";
import { type Actor, decide, mimeBaseType } from "~/domain";
import { blobStore } from "../../blobs";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { repairRef } from "../../data/repairs/load-repair-for";
import { attachmentIdInput } from "./upload-status";

/**
 * `body` streams from the blob store (or from the row, for bytes stored before it and not moved
 * yet). `etag` names this attachment's upload, never its sha256 (which would let anyone holding
 * it claim the bytes).
 */
export type AttachmentContent = { body: Readable; sizeBytes: number; mimeType: string; etag: string };

export async function readAttachmentContent(db: Db, actor: Actor, attachmentId: string): Promise<AttachmentContent> {
  const id = attachmentIdInput.safeParse(attachmentId);
  if (!id.success) throw new NotFound("Attachment");
  const attachment = await db.attachment.findUnique({ where: { id: id.data }, include: { repair: true, walk: true } });
  const decision = attachment?.repair
    ? decide(actor, "repair.view", repairRef(attachment.repair))
    : attachment?.walk
      ? decide(actor, "walk.view", attachment.walk)
      : null;
  // Only this attachment's own upload counts: its bytes were sent for it, and checked against its
  // checksum and its declared type.
  if (!attachment?.uploadedAt || !decision?.allowed) throw new NotFound("Attachment");
  const blob = await db.storedBlob.findUnique({
    where: { sha256: attachment.sha256 },
    select: { content: true, storeKey: true, sizeBytes: true, completedAt: true },
  });
  if (!blob?.completedAt || (!blob.storeKey && !blob.content)) throw new NotFound("Attachment");
  // A key the store does not hold is lost data, not a refusal: it fails loudly (500, logged).
  const body = blob.storeKey ? await blobStore().open(blob.storeKey) : Readable.from([Buffer.from(blob.content!)]);
  return {
    body,
    sizeBytes: blob.storeKey ? blob.sizeBytes : blob.content!.length,
    // A row stored before the MIME rule refused control characters is served as plain bytes.
    mimeType: mimeBaseType(attachment.mimeType) ? attachment.mimeType : "application/octet-stream",
    etag: `${attachment.id}.${attachment.uploadedAt.getTime().toString(36)}`,
  };
}
