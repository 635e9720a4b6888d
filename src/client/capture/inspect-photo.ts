// The photo checks (src/domain/photo-checks.ts) on the phone, right after compression: the
// browser decodes and shrinks the photo off the main thread (createImageBitmap), and the checks
// read the 256-pixel copy, a few milliseconds of arithmetic, so the screen never stalls.
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

/** The checks that did not pass (empty: a good photo). A browser that cannot decode here skips them. */
export async function inspectPhoto(
  blob: Blob,
  policy: PhotoCheckPolicy = WARN_ON_EVERY_CHECK,
): Promise<PhotoCheckResult[]> {
  if (typeof createImageBitmap !== "function") return [];
  const full = await createImageBitmap(blob);
  try {
    const scale = Math.min(1, PHOTO_CHECK_DEFAULTS.analysisPx / Math.max(full.width, full.height));
    const width = Math.max(1, Math.round(full.width * scale));
    const height = Math.max(1, Math.round(full.height * scale));
    const small = await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: "medium" });
    const canvas =
      typeof OffscreenCanvas === "function" ? new OffscreenCanvas(width, height) : document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!context) return [];
    context.drawImage(small, 0, 0);
    small.close();
    const gray = analysisCopy({ width, height, data: context.getImageData(0, 0, width, height).data });
    const stats = {
      width: full.width,
      height: full.height,
      sharpness: sharpness(gray),
      brightness: meanBrightness(gray),
    };
    return checkPhoto(stats, policy).filter((result) => result.verdict !== "ok");
  } finally {
    full.close();
  }
}
