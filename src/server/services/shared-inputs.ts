// Input shapes shared by several services. Only shape is checked here: whether a reason is
// required or an amount allowed is the domain's decision, so it answers with its own codes.
import { z } from "zod";
import { AttachmentKind, PhotoStage } from "../db/generated/client";

/** Metadata of a photo, voice note or signature taken on the device; the bytes are uploaded separately. */
export const attachmentInput = z.object({
  id: z.uuid(),
  kind: z.enum(AttachmentKind),
  photoStage: z.enum(PhotoStage).optional(),
  mimeType: z.string().min(1).max(100),
  sizeBytes: z
    .number()
    .int()
    .positive()
    .max(50 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex sha256"),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

export const attachmentsInput = z.array(attachmentInput).max(20).default([]);

export const reasonInput = z.string().max(1000);

/** One or many repairs decided together, all or nothing. */
export const repairIdsInput = z.array(z.uuid()).min(1).max(200);

export const hasPhoto = (attachments: readonly AttachmentInput[], stage: PhotoStage) =>
  attachments.some((a) => a.kind === "PHOTO" && a.photoStage === stage);
