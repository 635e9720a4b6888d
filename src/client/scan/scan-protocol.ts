// Messages between the screen and the scanning worker (public/scan/scan-worker.js, bundled from
// scan-worker.ts by scripts/lib/build-scan-assets.mjs: Turbopack cannot bundle a module worker).

/** The codes fleet tags and door-jamb VIN labels use. */
export const SCAN_FORMATS = ["qr_code", "code_128", "code_39", "data_matrix"] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Where the worker and the WebAssembly decoder are served from (same origin, never a CDN). */
export const SCAN_WORKER_URL = "/scan/scan-worker.js";
export const SCAN_ASSET_PREFIX = "/scan/";

/**
 * Longest sides a still is scanned at, smallest first, until a look finds a code: a 12- or
 * 50-megapixel still is decoded scaled down by the JPEG decoder. SCAN_FIRST_SIDE is an eighth of a
 * 4000 px side, the JPEG decoder's cheapest scale, and enough for a code filling a fair part of the
 * photo; SCAN_SECOND_SIDE a quarter, for a smaller code; SCAN_MAX_SIDE a half, the last try.
 */
export const SCAN_FIRST_SIDE = 500;
export const SCAN_SECOND_SIDE = 1024;
export const SCAN_MAX_SIDE = 2048;

export type ScanRequest = { id: number; kind: "warm" } | { id: number; kind: "decode"; image: Blob | ImageBitmap };

export type ScannedCode = { format: string; value: string };

export type ScanResponse =
  | { id: number; ok: true; codes: ScannedCode[]; decoder: "native" | "zxing"; ms: number }
  | { id: number; ok: false; error: string };
