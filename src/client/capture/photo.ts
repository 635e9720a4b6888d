// A camera photo made fit to store and send: at most 1600 px, JPEG around quality 0.8
// (150-300 KB), compressed in a web worker so the screen stays responsive. The library loads
// on first use only, and its worker loads our same-origin copy (offline-safe, no CDN). Then the
// photo checks (blur, exposure, size) say at once what would make it poor evidence: a warning the
// technician may ignore, or a refusal where the admin chose so for that check.
import {
  type AttachmentProblem,
  type PhotoCheckPolicy,
  type PhotoCheckResult,
  WARN_ON_EVERY_CHECK,
  attachmentProblem,
} from "~/domain";
import type { CapturedFile } from "../store/captured-file";
import { rsDb } from "../store/db";
import { inspectPhoto } from "./inspect-photo";
import { sha256Hex } from "./sha256";

export const PHOTO_OPTIONS = {
  maxWidthOrHeight: 1600,
  useWebWorker: true,
  libURL: "/vendor/browser-image-compression.js",
  fileType: "image/jpeg",
  initialQuality: 0.8,
} as const;

/**
 * The options as the app passes them. libURL must be absolute: the library's worker resolves it
 * against its own blob: URL, and a relative path there silently falls back to compressing on the
 * main thread (about a second of frozen screen per photo on a slow phone).
 */
export function photoCompressionOptions(origin: string) {
  return { ...PHOTO_OPTIONS, libURL: new URL(PHOTO_OPTIONS.libURL, origin).href };
}

/** A file that claims to be a photo but cannot be decoded (damaged, truncated, or not really an image). */
export type UnreadablePhoto = { code: "UNREADABLE_PHOTO"; message: string };

export const UNREADABLE_PHOTO: UnreadablePhoto = {
  code: "UNREADABLE_PHOTO",
  message: "This photo could not be read: the file may be damaged. Take the photo again or choose another one.",
};

/** A photo a check the admin set to "refuse" failed: not kept; the technician retakes it. */
export type RefusedPhoto = { code: "PHOTO_REFUSED"; message: string };

export type PreparedPhoto =
  | { ok: true; file: CapturedFile; warnings: PhotoCheckResult[] }
  | { ok: false; problem: AttachmentProblem | UnreadablePhoto | RefusedPhoto };

/** The admin's warn-or-refuse choice per check, as the last prepare brought it (warn by default). */
export async function photoCheckPolicy(): Promise<PhotoCheckPolicy> {
  const row = await rsDb()
    .meta.get("quality")
    .catch(() => undefined);
  return row?.key === "quality" ? row.value.photoChecks : WARN_ON_EVERY_CHECK;
}

export async function preparePhoto(original: File, policy?: PhotoCheckPolicy): Promise<PreparedPhoto> {
  // Refuse a video or a document before spending seconds on it.
  const before = attachmentProblem("PHOTO", original.type, original.size > 0 ? 1 : 0);
  if (before) return { ok: false, problem: before };
  const { default: imageCompression } = await import("browser-image-compression");
  let compressed: File;
  try {
    compressed = await imageCompression(original, photoCompressionOptions(location.origin));
  } catch {
    // The library rejects with an Event or a string for an undecodable image: no message to show.
    return { ok: false, problem: UNREADABLE_PHOTO };
  }
  const problem = attachmentProblem("PHOTO", compressed.type, compressed.size);
  if (problem) return { ok: false, problem };
  // A check that cannot run (an old browser) must not cost the photo: it is kept, unchecked.
  const results = await inspectPhoto(compressed, policy ?? (await photoCheckPolicy())).catch(() => []);
  const refused = results.filter((r) => r.verdict === "refuse");
  if (refused.length)
    return {
      ok: false,
      problem: {
        code: "PHOTO_REFUSED",
        message: `${refused.map((r) => r.message).join(" ")} This photo was not kept: retake it.`,
      },
    };
  const warnings = results;
  return {
    ok: true,
    file: { blob: compressed, mimeType: compressed.type, sha256: await sha256Hex(compressed) },
    warnings,
  };
}
