// Reads a painted or stickered unit number from a photo with tesseract.js, all from /scan/ocr/
// (scripts/lib/build-scan-assets.mjs): loaded on the first use only, then kept by the service
// worker for offline use. Recognition runs in tesseract's own worker, off the screen's thread.
import type { Worker as TesseractWorker } from "tesseract.js";
import {
  OCR_ASSET_PREFIX,
  OCR_MAX_SIDE,
  OCR_PARAMETERS,
  OCR_TIMEOUT_MS,
  OCR_WORKER_URL,
  confidentText,
  linesOf,
} from "./ocr-settings";

let reader: Promise<TesseractWorker> | null = null;

function ocrReader(): Promise<TesseractWorker> {
  reader ??= import("tesseract.js")
    .then(async ({ createWorker, OEM }) => {
      const worker = await createWorker("eng", OEM.LSTM_ONLY, {
        workerPath: OCR_WORKER_URL,
        corePath: OCR_ASSET_PREFIX,
        langPath: OCR_ASSET_PREFIX,
        // A same-origin script, not a blob: copy; the data comes from the service worker's cache,
        // not a second copy in IndexedDB.
        workerBlobURL: false,
        cacheMethod: "none",
        gzip: true,
      });
      await worker.setParameters({ ...OCR_PARAMETERS } as Record<string, string>);
      return worker;
    })
    .catch((error: unknown) => {
      reader = null; // a failed load (offline before the first use) is tried again next time
      throw error;
    });
  return reader;
}

/** The photo at most OCR_MAX_SIDE on its longest side, as PNG (decoded and scaled without blocking the page). */
async function scaledDown(image: Blob): Promise<Blob> {
  const full = await createImageBitmap(image);
  const side = Math.max(full.width, full.height);
  if (side <= OCR_MAX_SIDE) {
    full.close();
    return image;
  }
  const scale = OCR_MAX_SIDE / side;
  const width = Math.round(full.width * scale);
  const height = Math.round(full.height * scale);
  const scaled = await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: "high" });
  full.close();
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext("2d")!.drawImage(scaled, 0, 0);
  scaled.close();
  return canvas.convertToBlob({ type: "image/png" });
}

export type OcrResult = { ok: true; text: string; ms: number } | { ok: false; error: string };

/** The text on a photo of a unit number; what it means among the units is src/domain's decision. */
export async function readPaintedNumber(image: Blob): Promise<OcrResult> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooLong = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the photo took too long to read")), OCR_TIMEOUT_MS);
  });
  try {
    const read = (async () => {
      const [worker, picture] = await Promise.all([ocrReader(), scaledDown(image)]);
      const { data } = await worker.recognize(picture, {}, { text: true, blocks: true });
      return confidentText(linesOf(data.blocks));
    })();
    const text = await Promise.race([read, tooLong]);
    return { ok: true, text, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof Error && error.message.includes("too long")) void stopReader();
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Ends a reader stuck on a photo; the next photo starts a fresh one (from the cache). */
async function stopReader() {
  const stuck = reader;
  reader = null;
  await stuck?.then((w) => w.terminate()).catch(() => undefined);
}

/** Loads the reader and its data now (so they are cached for offline use before the lot). */
export async function warmOcr(): Promise<boolean> {
  return ocrReader().then(
    () => true,
    () => false,
  );
}
