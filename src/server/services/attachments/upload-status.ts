// How far the upload of an attachment's bytes has come, so a device resumes where the server
// is instead of starting over (GET /api/uploads/{attachmentId}). Complete only once this
// attachment's own upload sent its bytes; the same content stored for another attachment
// counts for nothing here.
import "server-only";
import { z } from "zod";
import type { Actor } from "~/domain";
import type { Db } from "../../db";
import { loadAttachmentToUpload } from "../../data/attachments/load-attachment-to-upload";
import { partialState } from "../../data/attachments/partial-upload";

export const attachmentIdInput = z.uuid();

export type UploadStatus = {
  attachmentId: string;
  sizeBytes: number;
  receivedBytes: number;
  complete: boolean;
};

export async function uploadStatus(db: Db, actor: Actor, attachmentId: string): Promise<UploadStatus> {
  const id = attachmentIdInput.parse(attachmentId);
  return db.$transaction(async (tx) => {
    const attachment = await loadAttachmentToUpload(tx, actor, id);
    const status = { attachmentId: id, sizeBytes: attachment.sizeBytes };
    if (attachment.uploadedAt) return { ...status, receivedBytes: attachment.sizeBytes, complete: true };
    const partial = await partialState(tx, id);
    return { ...status, receivedBytes: partial?.receivedBytes ?? 0, complete: false };
  });
}
