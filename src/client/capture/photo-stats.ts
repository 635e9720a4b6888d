// A photo's figures for the checks (size, sharpness, brightness), read from a 256-pixel copy the
// browser decodes and shrinks in one step. Runs in the photo-checks worker; on the main thread
// only where a worker cannot (no OffscreenCanvas in workers).
import { PHOTO_CHECK_DEFAULTS, type PhotoStats, analysisCopy, meanBrightness, sharpness } from "~/domain";
import { headerImageSize } from "./image-size";

export async function photoStats(blob: Blob): Promise<PhotoStats> {
  const size =
    headerImageSize(new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer())) ?? (await decodedSize(blob));
  const scale = Math.min(1, PHOTO_CHECK_DEFAULTS.analysisPx / Math.max(size.width, size.height));
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const small = await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: "medium" });
  try {
    const canvas =
      typeof OffscreenCanvas === "function" ? new OffscreenCanvas(width, height) : document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!context) throw new Error("no 2d context");
    context.drawImage(small, 0, 0);
    const gray = analysisCopy({ width, height, data: context.getImageData(0, 0, width, height).data });
    return { ...size, sharpness: sharpness(gray), brightness: meanBrightness(gray) };
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
