// The photo checks (src/domain/photo-checks.ts) on the phone, right after compression: the
// browser decodes and shrinks the photo in one step off the main thread (createImageBitmap, with
// the size read from the file's header), and the checks read the 256-pixel copy, a few
// milliseconds of arithmetic, so the screen never stalls.
import {
  PHOTO_CHECK_DEFAULTS,
  type PhotoCheckPolicy,
  type PhotoCheckResult,
  WARN_ON_EVERY_CHECK,
  analysisCopy,
  checkPhoto,
  meanBrightness,
  sharpness,
} from "~/domain";
import { headerImageSize } from "./image-size";

/** The checks that did not pass (empty: a good photo). A browser that cannot decode here skips them. */
export async function inspectPhoto(
  blob: Blob,
  policy: PhotoCheckPolicy = WARN_ON_EVERY_CHECK,
): Promise<PhotoCheckResult[]> {
  if (typeof createImageBitmap !== "function") return [];
  const size =
    headerImageSize(new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer())) ?? (await decodedSize(blob));
  const scale = Math.min(1, PHOTO_CHECK_DEFAULTS.analysisPx / Math.max(size.width, size.height));
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  // Decoded and shrunk in one step, off the main thread (shrinking a decoded bitmap is not).
  const small = await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: "medium" });
  try {
    const canvas =
      typeof OffscreenCanvas === "function" ? new OffscreenCanvas(width, height) : document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!context) return [];
    context.drawImage(small, 0, 0);
    const gray = analysisCopy({ width, height, data: context.getImageData(0, 0, width, height).data });
    const stats = { ...size, sharpness: sharpness(gray), brightness: meanBrightness(gray) };
    return checkPhoto(stats, policy).filter((result) => result.verdict !== "ok");
  } finally {
    small.close();
  }
}

/** The size of an image whose header this code does not read (WebP, HEIC...): decode it once. */
async function decodedSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}
