// The scanning worker: decodes QR, Code 128, Code 39 and Data Matrix off the main thread, with
// the browser's BarcodeDetector where it reads these formats, else ZXing compiled to WebAssembly
// (the barcode-detector ponyfill), its .wasm file served from /scan/ beside this script.
/// <reference lib="webworker" />
import { BarcodeDetector as ZXingDetector, prepareZXingModule } from "barcode-detector/ponyfill";
import { SCAN_ASSET_PREFIX, SCAN_FORMATS, SCAN_MAX_SIDE, type ScanRequest, type ScanResponse } from "./scan-protocol";

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

let detector: Promise<{ detector: Detector; kind: "native" | "zxing" }> | null = null;

async function chooseDetector(): Promise<{ detector: Detector; kind: "native" | "zxing" }> {
  const Native = (scope as unknown as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Native) {
    const supported = await Native.getSupportedFormats().catch(() => [] as string[]);
    if (SCAN_FORMATS.every((f) => supported.includes(f)))
      return { detector: new Native({ formats: [...SCAN_FORMATS] }), kind: "native" };
  }
  return { detector: new ZXingDetector({ formats: [...SCAN_FORMATS] }), kind: "zxing" };
}

/** The image at most SCAN_MAX_SIDE on its longest side (decoded and scaled here, not on the screen's thread). */
async function bitmapOf(image: Blob | ImageBitmap, keepFullSize: boolean): Promise<ImageBitmap> {
  const full = image instanceof Blob ? await createImageBitmap(image) : image;
  const side = Math.max(full.width, full.height);
  if (keepFullSize || side <= SCAN_MAX_SIDE) return full;
  const scale = SCAN_MAX_SIDE / side;
  const scaled = await createImageBitmap(full, {
    resizeWidth: Math.round(full.width * scale),
    resizeHeight: Math.round(full.height * scale),
    resizeQuality: "high",
  });
  full.close();
  return scaled;
}

async function handle(request: ScanRequest): Promise<ScanResponse> {
  const started = performance.now();
  detector ??= chooseDetector();
  const { detector: chosen, kind } = await detector;
  if (request.kind === "warm") {
    // Fetch and compile the decoder now, so it is in the service worker's cache before the lot.
    // Also when the browser lists the formats: its detector may still be missing (see below).
    await prepareZXingModule({ ...ZXING_OPTIONS, fireImmediately: true });
    return { id: request.id, ok: true, codes: [], decoder: kind, ms: performance.now() - started };
  }
  const bitmap = await bitmapOf(request.image, request.keepFullSize ?? false);
  try {
    const found = await chosen.detect(bitmap).catch(async (error: unknown) => {
      // Some browsers list the formats but have no detection service (Chromium on Linux): ZXing from now on.
      if (kind !== "native") throw error;
      const zxing = new ZXingDetector({ formats: [...SCAN_FORMATS] });
      detector = Promise.resolve({ detector: zxing, kind: "zxing" });
      return zxing.detect(bitmap);
    });
    const codes = found.map((c) => ({ format: c.format, value: c.rawValue })).filter((c) => c.value);
    return { id: request.id, ok: true, codes, decoder: kind, ms: performance.now() - started };
  } finally {
    bitmap.close();
  }
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
