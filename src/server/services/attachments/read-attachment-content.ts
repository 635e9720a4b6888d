// The bytes of a photo, voice note or signature, for whoever may see the repair or walk they
// document. Every other case is "not found": a customer cannot reach another customer's photo
// by guessing or sharing its URL.
import "server-only";
import { type Actor, decide } from "~/domain";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { repairRef } from "../../data/repairs/load-repair-for";
import { attachmentIdInput } from "./upload-status";

export type AttachmentContent = { bytes: Uint8Array; mimeType: string; sha256: string };

export async function readAttachmentContent(db: Db, actor: Actor, attachmentId: string): Promise<AttachmentContent> {
  const id = attachmentIdInput.safeParse(attachmentId);
  if (!id.success) throw new NotFound("Attachment");
  const attachment = await db.attachment.findUnique({ where: { id: id.data }, include: { repair: true, walk: true } });
  const decision = attachment?.repair
    ? decide(actor, "repair.view", repairRef(attachment.repair))
    : attachment?.walk
      ? decide(actor, "walk.view", attachment.walk)
      : null;
  // Only this attachment's own confirmed upload counts: it passed the type checks at upload.
  if (!attachment?.uploadedAt || !decision?.allowed) throw new NotFound("Attachment");
  const blob = await db.storedBlob.findUnique({
    where: { sha256: attachment.sha256 },
    select: { content: true, completedAt: true },
  });
  if (!blob?.completedAt || !blob.content) throw new NotFound("Attachment");
  return { bytes: blob.content, mimeType: attachment.mimeType, sha256: attachment.sha256 };
}
