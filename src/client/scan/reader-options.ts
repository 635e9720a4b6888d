// What the scanning worker asks ZXing for (also read by the fixtures' unit test, so the options
// tested are the options shipped).
import type { ReaderOptions } from "zxing-wasm/reader";
import { SCAN_FIRST_SIDE, SCAN_FORMATS, SCAN_MAX_SIDE, SCAN_SECOND_SIDE } from "./scan-protocol";

export const ZXING_FORMATS = {
  qr_code: "QRCode",
  code_128: "Code128",
  code_39: "Code39",
  data_matrix: "DataMatrix",
} as const;

/** The first look at a still (decoded small) or a camera frame: every kind of try ZXing has. */
export const READ_ALL = {
  formats: SCAN_FORMATS.map((f) => ZXING_FORMATS[f]),
  textMode: "Plain",
  maxNumberOfSymbols: 8, // a tag or a VIN label holds a few codes at most
} satisfies ReaderOptions;

/** The second look at a still, at twice the first's side: the first was its scaled-down read. */
export const READ_WIDE = { ...READ_ALL, tryDownscale: false } satisfies ReaderOptions;

/**
 * The last look at a still, at twice the second's side: the earlier looks already tried the
 * scaled-down and inverted reads, which would cost as much again here for a photo that has no code at all.
 */
export const READ_FINE = { ...READ_ALL, tryDownscale: false, tryInvert: false } satisfies ReaderOptions;

/** The looks the scanning worker takes at a still, in order, until one finds a code. */
export const STILL_LOOKS = [
  { side: SCAN_FIRST_SIDE, options: READ_ALL },
  { side: SCAN_SECOND_SIDE, options: READ_WIDE },
  { side: SCAN_MAX_SIDE, options: READ_FINE },
] as const;
