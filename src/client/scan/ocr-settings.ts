// How painted unit numbers are read (tesseract.js), shared by the phone's reader (ocr.ts) and the
// fixtures' test, so the rate the test reports is the phone's. Imports nothing from tesseract.js.

/** Where the OCR worker, its WebAssembly cores and the English data are served (same origin, never a CDN). */
export const OCR_ASSET_PREFIX = "/scan/ocr/";
export const OCR_WORKER_URL = `${OCR_ASSET_PREFIX}worker.min.js`;

/** Longest side a photo is read at: a 12- or 50-megapixel still is scaled down first (painted numbers are large). */
export const OCR_MAX_SIDE = 1600;

/** Only what fleets paint; "6" is one uniform block of text (faster than sparse text, as accurate here). */
export const OCR_PARAMETERS = {
  tessedit_char_whitelist: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ",
  tessedit_pageseg_mode: "6",
} as const;
