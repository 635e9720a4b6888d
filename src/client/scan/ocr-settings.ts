// How painted unit numbers are read (tesseract.js), shared by the phone's reader (ocr.ts) and the
// fixtures' test, so the rate the test reports is the phone's. Imports nothing from tesseract.js.

/** Where the OCR worker, its WebAssembly cores and the English data are served (same origin, never a CDN). */
export const OCR_ASSET_PREFIX = "/scan/ocr/";
export const OCR_WORKER_URL = `${OCR_ASSET_PREFIX}worker.min.js`;

/**
 * Longest side a photo is read at: a 12- or 50-megapixel still is scaled down first. Painted numbers
 * are large, and a textured photo (a windshield, gravel) takes OCR seconds per megapixel.
 */
export const OCR_MAX_SIDE = 1000;

/** A reading taking longer than this is given up (a photo full of texture): the technician types. */
export const OCR_TIMEOUT_MS = 30_000;

/** Lines read with less confidence (0-100) are texture, not paint: a clean number reads at 60-96. */
export const OCR_MIN_LINE_CONFIDENCE = 30;

/** The text of the lines OCR is confident about, one a line. */
export function confidentText(lines: ReadonlyArray<{ text: string; confidence: number }>): string {
  return lines
    .filter((l) => l.confidence >= OCR_MIN_LINE_CONFIDENCE)
    .map((l) => l.text.trim())
    .join("\n");
}

/** Every line of a tesseract.js result's blocks (the `blocks: true` output). */
export function linesOf(
  blocks: ReadonlyArray<{
    paragraphs: ReadonlyArray<{ lines: ReadonlyArray<{ text: string; confidence: number }> }>;
  }> | null,
) {
  return (blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
}

/** Only what fleets paint; "6" is one uniform block of text (faster than sparse text, as accurate here). */
export const OCR_PARAMETERS = {
  tessedit_char_whitelist: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- ",
  tessedit_pageseg_mode: "6",
} as const;
