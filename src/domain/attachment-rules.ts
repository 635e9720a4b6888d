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

/** An upload left unfinished this long is dropped; the device sends the file again from the start. */
export const ABANDONED_UPLOAD_DAYS = 7;

/**
 * Bytes in the blob store that no row names (a crash or a rolled-back transaction between writing
 * them and naming them) are deleted once this old: long past any upload, move or restore that
 * could still name them.
 */
export const ORPHAN_BLOB_GRACE_DAYS = 7;

/**
 * Declared bytes of the unfinished uploads one person may have open at once. A device uploads 3
 * files at a time; this leaves room for many interrupted ones while keeping a misbehaving
 * account from filling the server's storage with partial files.
 */
export const OPEN_UPLOAD_BYTES_PER_USER = 100 * 1024 * 1024;

export type AttachmentProblem = { code: "WRONG_FILE_TYPE" | "FILE_TOO_LARGE" | "EMPTY_FILE"; message: string };

// A MIME type as a browser reports it: type/subtype, then `; name=value` parameters (a codec
// list may be quoted). Nothing else: a control character (CR/LF) would end the Content-Type
// header the file is later served with.
const TOKEN = "[a-z0-9!#$&^_.+-]+";
const MIME_SHAPE = new RegExp(
  `^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`,
  "i",
);

/** The MIME type's base (lowercase, without parameters), or null when it is not a well-formed MIME type. */
export function mimeBaseType(mimeType: string): string | null {
  if (mimeType.length > 100 || !MIME_SHAPE.test(mimeType)) return null;
  return mimeType.split(";")[0]!.trim().toLowerCase();
}

/** null when the file is acceptable; otherwise why not, in words a screen can show. */
export function attachmentProblem(
  kind: AttachmentKindName,
  mimeType: string,
  sizeBytes: number,
): AttachmentProblem | null {
  const rule = ATTACHMENT_RULES[kind];
  const baseType = mimeBaseType(mimeType);
  if (baseType === null || !rule.mimeTypes.includes(baseType)) {
    return {
      code: "WRONG_FILE_TYPE",
      message: `A ${rule.label} must be ${rule.mimeTypes.join(", ")}; this file is ${baseType ?? "of unknown type"}.`,
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

/** How many leading bytes `contentMatchesType` looks at. */
export const CONTENT_HEAD_BYTES = 512;

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
// MPEG audio frame sync (11 bits set) or an ID3 tag before the first frame.
const mpegAudio = (head: Uint8Array) =>
  startsWith(head, ascii("ID3")) || (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0);

// What the first bytes of each allowed type look like (their format's signature). An ISO media
// file (MP4/M4A) names its brand in an `ftyp` box at offset 4.
const SIGNATURES: Record<string, (head: Uint8Array) => boolean> = {
  "image/jpeg": (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  "image/png": (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/webp": (h) => startsWith(h, ascii("RIFF")) && startsWith(h, ascii("WEBP"), 8),
  "audio/webm": (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3]),
  "audio/ogg": (h) => startsWith(h, ascii("OggS")),
  "audio/mp4": (h) => startsWith(h, ascii("ftyp"), 4),
  "audio/mpeg": mpegAudio,
  // ADTS: 12 sync bits set, layer bits 00.
  "audio/aac": (h) => h.length >= 2 && h[0] === 0xff && (h[1]! & 0xf6) === 0xf0,
  "image/svg+xml": (h) => {
    const text = new TextDecoder("utf-8", { fatal: false })
      .decode(h)
      .replace(/^\uFEFF/, "")
      .trimStart();
    return text.startsWith("<") && /<svg[\s/>]/i.test(text);
  },
};

/**
 * Whether a file's first bytes (at least CONTENT_HEAD_BYTES, or the whole file) are of the type it
 * was declared as: a file is served with its declared type, so an HTML page declared as a JPEG
 * must never be stored.
 */
export function contentMatchesType(mimeType: string, head: Uint8Array): boolean {
  const baseType = mimeBaseType(mimeType);
  const matches = baseType === null ? undefined : SIGNATURES[baseType];
  return matches ? matches(head) : false;
}
