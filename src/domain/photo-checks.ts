// Checks of a photo's usefulness as evidence, on its pixels: sharp enough, lit well enough, big
// enough, and not the same picture as another repair's. Pure arithmetic on an RGBA buffer, so it
// runs in the phone's worker before a photo is kept and on the server after upload. No model
// judges the damage itself (none is available offline): a detector could be added as one more
// check returning the same PhotoCheckResult.

/** The RGBA pixels of an image, row by row (as ImageData holds them). */
export type RgbaImage = { width: number; height: number; data: Uint8ClampedArray | Uint8Array };
/** One luminance value (0–255) per pixel. */
export type GrayImage = { width: number; height: number; data: Float32Array };

export type PhotoCheck = "blur" | "exposure" | "size";
export type PhotoVerdict = "ok" | "warn" | "refuse";
/** What the business chose per check: warn the technician (who may keep it) or refuse the photo. */
export type PhotoCheckPolicy = Record<PhotoCheck, Exclude<PhotoVerdict, "ok">>;

export const PHOTO_CHECK_DEFAULTS = {
  /**
   * Below this sharpness a photo is blurred. Sharpness is the variance of the Laplacian (edges)
   * over the variance of the image (contrast), so a dark but sharp photo reads as dark, not blurred.
   */
  minSharpness: 0.05,
  /** Mean luminance outside these bounds: too dark or too bright to show a chip. */
  minBrightness: 40,
  maxBrightness: 225,
  /** The shorter side, in pixels, below which the damage cannot be made out. */
  minShortSidePx: 480,
  /** Longest side of the copy the checks analyse: a 12 MP photo costs what a thumbnail does. */
  analysisPx: 256,
} as const;

export type PhotoStats = { width: number; height: number; sharpness: number; brightness: number };
export type PhotoCheckResult = { check: PhotoCheck; verdict: PhotoVerdict; message: string | null };

/** Luminance (Rec. 601) of an RGBA image, box-averaged down so its longest side is at most `maxSide`. */
export function analysisCopy(image: RgbaImage, maxSide: number = PHOTO_CHECK_DEFAULTS.analysisPx): GrayImage {
  const { width, height, data } = image;
  if (width < 1 || height < 1 || data.length < width * height * 4) throw new RangeError("not an RGBA image");
  const scale = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  const w = Math.max(1, Math.floor(width / scale));
  const h = Math.max(1, Math.floor(height / scale));
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y * scale + dy) * width;
        for (let dx = 0; dx < scale; dx++) {
          const i = (row + x * scale + dx) * 4;
          sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
        }
      }
      out[y * w + x] = sum / (scale * scale);
    }
  }
  return { width: w, height: h, data: out };
}

/** Variance of the 4-neighbour Laplacian: edges make it large, blur makes it small. */
export function laplacianVariance(gray: GrayImage): number {
  const { width: w, height: h, data } = gray;
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const l = data[i - w]! + data[i + w]! + data[i - 1]! + data[i + 1]! - 4 * data[i]!;
      sum += l;
      sumSq += l * l;
      n += 1;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Edge energy relative to contrast, on the analysis copy (see minSharpness). */
export function sharpness(gray: GrayImage): number {
  const mean = meanBrightness(gray);
  let variance = 0;
  for (const v of gray.data) variance += (v - mean) ** 2;
  variance /= gray.data.length;
  // The constant keeps a nearly uniform picture from dividing by almost nothing.
  return laplacianVariance(gray) / (variance + 25);
}

export function meanBrightness(gray: GrayImage): number {
  let sum = 0;
  for (const v of gray.data) sum += v;
  return sum / gray.data.length;
}

export function photoStats(image: RgbaImage): PhotoStats {
  const gray = analysisCopy(image);
  return {
    width: image.width,
    height: image.height,
    sharpness: sharpness(gray),
    brightness: meanBrightness(gray),
  };
}

/** Each check's verdict, with the sentence the technician reads when it is not ok. */
export function checkPhoto(
  stats: PhotoStats,
  policy: PhotoCheckPolicy,
  limits: typeof PHOTO_CHECK_DEFAULTS = PHOTO_CHECK_DEFAULTS,
): PhotoCheckResult[] {
  const result = (check: PhotoCheck, problem: string | null): PhotoCheckResult => ({
    check,
    verdict: problem ? policy[check] : "ok",
    message: problem,
  });
  const shortSide = Math.min(stats.width, stats.height);
  return [
    result("blur", stats.sharpness < limits.minSharpness ? "The photo looks blurred: hold still and retake it." : null),
    result(
      "exposure",
      stats.brightness < limits.minBrightness
        ? "The photo is too dark to show the damage: add light and retake it."
        : stats.brightness > limits.maxBrightness
          ? "The photo is too bright (glare?): change the angle and retake it."
          : null,
    ),
    result(
      "size",
      shortSide < limits.minShortSidePx
        ? `The photo is too small (${stats.width}×${stats.height}): take it with the camera at full size.`
        : null,
    ),
  ];
}

/** The worst verdict of the checks: a photo is refused if any refusing check failed. */
export function photoVerdict(results: readonly PhotoCheckResult[]): PhotoVerdict {
  if (results.some((r) => r.verdict === "refuse")) return "refuse";
  return results.some((r) => r.verdict === "warn") ? "warn" : "ok";
}

/**
 * A 64-bit difference hash, as 16 hex digits: each bit says whether a pixel of a 9×8 copy is
 * brighter than its right neighbour. Resizing, recompressing or small edits change few bits.
 */
export function differenceHash(image: RgbaImage): string {
  const gray = analysisCopy(image, 64);
  const cols = 9;
  const rows = 8;
  const cell = (cx: number, cy: number) => {
    // Mean of the copy's pixels that fall in this cell (area sampling: no aliasing).
    const x0 = Math.floor((cx * gray.width) / cols);
    const x1 = Math.max(x0 + 1, Math.floor(((cx + 1) * gray.width) / cols));
    const y0 = Math.floor((cy * gray.height) / rows);
    const y1 = Math.max(y0 + 1, Math.floor(((cy + 1) * gray.height) / rows));
    let sum = 0;
    let n = 0;
    for (let y = y0; y < Math.min(y1, gray.height); y++)
      for (let x = x0; x < Math.min(x1, gray.width); x++) {
        sum += gray.data[y * gray.width + x]!;
        n += 1;
      }
    return n ? sum / n : 0;
  };
  let hex = "";
  for (let y = 0; y < rows; y++) {
    let byte = 0;
    for (let x = 0; x < cols - 1; x++) byte = (byte << 1) | (cell(x, y) > cell(x + 1, y) ? 1 : 0);
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

/** How many of the 64 bits differ. */
export function hashDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/.test(a) || !/^[0-9a-f]{16}$/.test(b)) throw new RangeError("not a 64-bit hash");
  let distance = 0;
  for (let i = 0; i < 16; i += 2) {
    let x = parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}

/** At most this many differing bits: the same photo, resized, recompressed or lightly edited. */
export const NEAR_DUPLICATE_BITS = 6;

export const isNearDuplicate = (a: string, b: string) => hashDistance(a, b) <= NEAR_DUPLICATE_BITS;
