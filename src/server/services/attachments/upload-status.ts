// How far the upload of an attachment's bytes has come, so a device resumes where the server
// is instead of starting over (GET /api/uploads/{attachmentId}).
import "server-only";
import { z } from "zod";
import type { Actor } from "~/domain";
import type { Db } from "../../db";
import { loadAttachmentToUpload } from "../../data/attachments/load-attachment-to-upload";
import { confirmFromStoredBlob } from "../../data/attachments/stored-blob";

export const attachmentIdInput = z.uuid();

export type UploadStatus = {
  attachmentId: string;
  sha256: string;
  sizeBytes: number;
  receivedBytes: number;
  complete: boolean;
};

export async function uploadStatus(db: Db, actor: Actor, attachmentId: string): Promise<UploadStatus> {
  const id = attachmentIdInput.parse(attachmentId);
  return db.$transaction(async (tx) => {
    const attachment = await loadAttachmentToUpload(tx, actor, id);
    const status = { attachmentId: id, sha256: attachment.sha256, sizeBytes: attachment.sizeBytes };
    const blob = await tx.storedBlob.findUnique({
      where: { sha256: attachment.sha256 },
      select: { receivedBytes: true, sizeBytes: true, completedAt: true },
    });
    if (attachment.uploadedAt || blob?.completedAt) {
      if (blob) await confirmFromStoredBlob(tx, attachment, blob);
      return { ...status, receivedBytes: attachment.sizeBytes, complete: true };
    }
    return { ...status, receivedBytes: blob?.receivedBytes ?? 0, complete: false };
  });
}
