// Files taken on the device (photo, voice note, signature) on their way into the store:
// checked against the shared attachment rules before anything is queued.
import { type AttachmentKindName, type DamageMark, attachmentProblem } from "~/domain";
import type { AttachmentMeta, PhotoStage } from "../sync/contract";
import type { BlobContentRow, BlobRow } from "./db";

export type CapturedFile = { blob: Blob; sha256: string; mimeType: string };
/** A photo, with the marks drawn over it (kept apart from its bytes). */
export type CapturedPhoto = CapturedFile & { stage: PhotoStage; marks?: DamageMark[]; pairedWithId?: string };

/** A file the shared rules refuse; its message can be shown as is. */
export class AttachmentRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function assertAcceptable(kind: AttachmentKindName, file: CapturedFile): void {
  const problem = attachmentProblem(kind, file.mimeType, file.blob.size);
  if (problem) throw new AttachmentRefused(problem.code, problem.message);
}

/** The file's upload-state row, its bytes, and the metadata that travels with its record, all
 * under one new attachment id. */
export function attachmentRows(
  owner: Pick<BlobRow, "ownerType" | "ownerId">,
  kind: AttachmentKindName,
  file: CapturedFile,
  stage?: PhotoStage,
  now = new Date(),
): { row: BlobRow; content: BlobContentRow; meta: AttachmentMeta } {
  const id = crypto.randomUUID();
  const pairedWith = "pairedWithId" in file && typeof file.pairedWithId === "string" ? file.pairedWithId : undefined;
  const meta: AttachmentMeta = {
    id,
    kind,
    mimeType: file.mimeType,
    sizeBytes: file.blob.size,
    sha256: file.sha256,
    ...(stage ? { photoStage: stage } : {}),
    ...(pairedWith ? { pairedWithId: pairedWith } : {}),
    ...("marks" in file && Array.isArray(file.marks) && file.marks.length ? { marks: file.marks as DamageMark[] } : {}),
  };
  const row: BlobRow = {
    id,
    ...owner,
    sha256: file.sha256,
    mimeType: file.mimeType,
    size: file.blob.size,
    kind,
    ...(stage ? { stage } : {}),
    ...(pairedWith ? { pairedWithId: pairedWith } : {}),
    uploadedBytes: 0,
    confirmed: 0,
    ownerAcknowledged: 0,
    createdAt: now,
  };
  return { row, content: { id, blob: file.blob }, meta };
}
