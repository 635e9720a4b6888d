// A camera photo made fit to store and send: at most 1600 px, JPEG around quality 0.8
// (150-300 KB), compressed in a web worker so the screen stays responsive. The library loads
// on first use only, and its worker loads our same-origin copy (offline-safe, no CDN).
import { type AttachmentProblem, attachmentProblem } from "~/domain";
import type { CapturedFile } from "../store/captured-file";
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

export type PreparedPhoto = { ok: true; file: CapturedFile } | { ok: false; problem: AttachmentProblem };

export async function preparePhoto(original: File): Promise<PreparedPhoto> {
  // Refuse a video or a document before spending seconds on it.
  const before = attachmentProblem("PHOTO", original.type, original.size > 0 ? 1 : 0);
  if (before) return { ok: false, problem: before };
  const { default: imageCompression } = await import("browser-image-compression");
  const compressed = await imageCompression(original, photoCompressionOptions(location.origin));
  const problem = attachmentProblem("PHOTO", compressed.type, compressed.size);
  if (problem) return { ok: false, problem };
  return { ok: true, file: { blob: compressed, mimeType: compressed.type, sha256: await sha256Hex(compressed) } };
}
