// The attachment whose bytes the actor is sending: known (else the record has not synced yet),
// theirs to upload (domain), and still acceptable under the shared attachment rules.
import "server-only";
import { type Actor, attachmentProblem, decideUpload } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Attachment } from "../../db/generated/client";
import { NotFound } from "../../errors";
import { UploadRefused } from "./upload-refused";

export async function loadAttachmentToUpload(tx: DbTx, actor: Actor, attachmentId: string): Promise<Attachment> {
  const attachment = await tx.attachment.findUnique({ where: { id: attachmentId } });
  if (!attachment) throw new NotFound("Attachment");
  const decision = decideUpload(actor, attachment);
  if (!decision.allowed)
    throw new UploadRefused(decision.code === "INACTIVE_TECHNICIAN" ? decision.code : "NOT_YOURS", decision.reason);
  const problem = attachmentProblem(attachment.kind, attachment.mimeType, attachment.sizeBytes);
  if (problem) throw new UploadRefused(problem.code, problem.message);
  return attachment;
}
