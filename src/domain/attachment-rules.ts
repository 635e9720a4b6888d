// Which files a repair or walk may carry, checked on the device before queueing (a clear error
// at once) and again on the server at capture and upload (never trust the device).

export type AttachmentKindName = "PHOTO" | "VOICE" | "SIGNATURE";

export const ATTACHMENT_RULES: Record<
  AttachmentKindName,
  { mimeTypes: readonly string[]; maxBytes: number; label: string }
> = {
  // Photos are compressed on the device to at most 1600 px (about 150-300 KB); 8 MB leaves room
  // for an uncompressed fallback without letting a raw 12 MP original through.
  PHOTO: { mimeTypes: ["image/jpeg", "image/png", "image/webp"], maxBytes: 8 * 1024 * 1024, label: "photo" },
  // iOS Safari records audio/mp4, Chrome audio/webm (or audio/mp4 from version 126).
  VOICE: {
    mimeTypes: ["audio/mp4", "audio/webm", "audio/ogg", "audio/mpeg", "audio/aac"],
    maxBytes: 10 * 1024 * 1024,
    label: "voice note",
  },
  SIGNATURE: { mimeTypes: ["image/png", "image/svg+xml"], maxBytes: 1024 * 1024, label: "signature" },
};

/** Upload chunk size: small enough to resume cheaply on a weak link, large enough to keep request count low. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

export type AttachmentProblem = { code: "WRONG_FILE_TYPE" | "FILE_TOO_LARGE" | "EMPTY_FILE"; message: string };

/** null when the file is acceptable; otherwise why not, in words a screen can show. */
export function attachmentProblem(
  kind: AttachmentKindName,
  mimeType: string,
  sizeBytes: number,
): AttachmentProblem | null {
  const rule = ATTACHMENT_RULES[kind];
  const baseType = mimeType.split(";")[0]!.trim().toLowerCase();
  if (!rule.mimeTypes.includes(baseType)) {
    return {
      code: "WRONG_FILE_TYPE",
      message: `A ${rule.label} must be ${rule.mimeTypes.join(", ")}; this file is ${baseType || "of unknown type"}.`,
    };
  }
  if (sizeBytes <= 0) return { code: "EMPTY_FILE", message: `The ${rule.label} is empty.` };
  if (sizeBytes > rule.maxBytes) {
    return {
      code: "FILE_TOO_LARGE",
      message: `The ${rule.label} is ${mb(sizeBytes)}; the limit is ${mb(rule.maxBytes)}.`,
    };
  }
  return null;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
