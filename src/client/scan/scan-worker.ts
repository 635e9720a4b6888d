// The scanning worker: decodes QR, Code 128, Code 39 and Data Matrix off the main thread, with
// the browser's BarcodeDetector where it reads these formats, else ZXing compiled to WebAssembly
// (zxing-wasm's reader), its .wasm file served from /scan/ beside this script.
//
// A 12-megapixel still costs more to unpack than to scan, so a still is decoded small first: the
// WebCodecs ImageDecoder, asked for a small size, has the JPEG decoder scale while it decodes (an
// eighth of the side for 12 MP), in a fraction of a full decode's time. A code filling a fair part
// of the photo is found there; only when none is, the still is decoded again at twice that side and
// scanned once more, and then once more at twice again. Browsers without ImageDecoder decode it
// whole and scale it (slower, same result).
/// <reference lib="webworker" />
import { type ReaderOptions, prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { READ_ALL, STILL_LOOKS, ZXING_FORMATS } from "./reader-options";
import {
  SCAN_ASSET_PREFIX,
  SCAN_FORMATS,
  SCAN_MAX_SIDE,
  type ScanRequest,
  type ScanResponse,
  type ScannedCode,
} from "./scan-protocol";

type Detector = { detect(image: ImageBitmapSource): Promise<Array<{ format: string; rawValue: string }>> };
type NativeDetectorClass = {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
};

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Every call names the same-origin file: a call without overrides would fall back to a CDN.
const ZXING_OPTIONS = {
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith(".wasm") ? `${SCAN_ASSET_PREFIX}${path}` : prefix + path,
  },
};
prepareZXingModule(ZXING_OPTIONS);

const FORMAT_OF: Record<string, string> = Object.fromEntries(
  Object.entries(ZXING_FORMATS).map(([ours, theirs]) => [theirs, ours]),
);

type Pixels = { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number };
type Chosen = { read: (pixels: Pixels, options: ReaderOptions) => Promise<ScannedCode[]>; kind: "native" | "zxing" };

async function readWithZXing(pixels: Pixels, options: ReaderOptions): Promise<ScannedCode[]> {
  const found = await readBarcodes(pixels as ImageData, options);
  return found.map((c) => ({ format: FORMAT_OF[c.format] ?? c.format, value: c.text }));
}

let chosen: Promise<Chosen> | null = null;

async function chooseDetector(): Promise<Chosen> {
  const Native = (scope as unknown as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Native) {
    const supported = await Native.getSupportedFormats().catch(() => [] as string[]);
    if (SCAN_FORMATS.every((f) => supported.includes(f))) {
      const native = new Native({ formats: [...SCAN_FORMATS] });
      return {
        kind: "native",
        read: async (pixels, options) => {
          try {
            const found = await native.detect(new ImageData(pixels.data, pixels.width, pixels.height));
            return found.map((c) => ({ format: c.format, value: c.rawValue }));
          } catch {
            // Some browsers list the formats but have no detection service (Chromium on Linux): ZXing from now on.
            chosen = Promise.resolve({ kind: "zxing", read: readWithZXing });
            return readWithZXing(pixels, options);
          }
        },
      };
    }
  }
  return { kind: "zxing", read: readWithZXing };
}

/** The RGBA pixels of a bitmap, scaled down to at most `side` on its longest side. */
function pixelsOfBitmap(bitmap: ImageBitmap | VideoFrame, width: number, height: number, side: number): Pixels {
  const scale = Math.min(1, side / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const context = new OffscreenCanvas(w, h).getContext("2d", { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0, w, h);
  return context.getImageData(0, 0, w, h) as Pixels;
}

/** The still decoded by the JPEG (or other) decoder at about `side` on its longest side, or null when it cannot. */
async function decodeScaled(image: Blob, side: number): Promise<Pixels | null> {
  if (typeof ImageDecoder === "undefined" || !(await ImageDecoder.isTypeSupported(image.type).catch(() => false)))
    return null;
  // The decoder scales by the area asked for, whichever way the photo is turned.
  const decoder = new ImageDecoder({
    data: image.stream(),
    type: image.type,
    desiredWidth: side,
    desiredHeight: Math.round((side * 3) / 4),
  });
  try {
    const { image: frame } = await decoder.decode();
    try {
      const width = frame.displayWidth;
      const height = frame.displayHeight;
      // A decoder that ignored the size asked for (its scales are eighths: at most twice the size
      // asked for): scale it here rather than scan a huge frame.
      if (Math.max(width, height) > side * 2.5) return pixelsOfBitmap(frame, width, height, side);
      const data = new Uint8ClampedArray(width * height * 4);
      try {
        await frame.copyTo(data, { format: "RGBA" });
        return { data, width, height };
      } catch {
        return pixelsOfBitmap(frame, width, height, side); // no conversion to RGBA in copyTo
      }
    } finally {
      frame.close();
    }
  } catch {
    return null;
  } finally {
    decoder.close();
  }
}

async function readStill(image: Blob, detector: Chosen): Promise<ScannedCode[]> {
  let found: ScannedCode[] = [];
  let seen = 0;
  for (const look of STILL_LOOKS) {
    const pixels = await decodeScaled(image, look.side);
    if (!pixels) {
      if (seen > 0) return found;
      const bitmap = await createImageBitmap(image);
      try {
        return await detector.read(pixelsOfBitmap(bitmap, bitmap.width, bitmap.height, SCAN_MAX_SIDE), READ_ALL);
      } finally {
        bitmap.close();
      }
    }
    const side = Math.max(pixels.width, pixels.height);
    // The still was no larger than the last look: it has been read at full size already.
    if (side <= seen) return found;
    seen = side;
    found = await detector.read(pixels, look.options);
    if (found.length > 0) return found;
  }
  return found;
}

async function handle(request: ScanRequest): Promise<ScanResponse> {
  const started = performance.now();
  chosen ??= chooseDetector();
  const detector = await chosen;
  if (request.kind === "warm") {
    // Fetch and compile the decoder now, so it is in the service worker's cache before the lot.
    // Also when the browser lists the formats: its detector may still be missing (see above).
    await prepareZXingModule({ ...ZXING_OPTIONS, fireImmediately: true });
    return { id: request.id, ok: true, codes: [], decoder: detector.kind, ms: performance.now() - started };
  }
  let found: ScannedCode[];
  if (request.image instanceof Blob) found = await readStill(request.image, detector);
  else {
    const frame = request.image;
    try {
      found = await detector.read(pixelsOfBitmap(frame, frame.width, frame.height, SCAN_MAX_SIDE), READ_ALL);
    } finally {
      frame.close();
    }
  }
  const codes = found.filter((c) => c.value);
  return { id: request.id, ok: true, codes, decoder: (await chosen).kind, ms: performance.now() - started };
}

scope.onmessage = (event: MessageEvent<ScanRequest>) => {
  const request = event.data;
  handle(request).then(
    (response) => scope.postMessage(response),
    (error: unknown) =>
      scope.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ScanResponse),
  );
};
