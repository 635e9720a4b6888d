import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type PhotoCheckPolicy,
  type RgbaImage,
  checkPhoto,
  differenceHash,
  hashDistance,
  isNearDuplicate,
  photoStats,
  photoVerdict,
} from "./photo-checks";

/** A deterministic "windshield" scene: blocks of brightness with hard edges and a little texture. */
function scene(seed: number, width = 800, height = 600): RgbaImage {
  let s = seed >>> 0;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const blocks = Array.from({ length: 40 }, () => ({
    x: random() * width,
    y: random() * height,
    w: 40 + random() * 200,
    h: 40 + random() * 150,
    v: 30 + random() * 190,
  }));
  // Painted block by block (the later on top), then lit and textured pixel by pixel.
  const level = new Float32Array(width * height).fill(120);
  for (const b of blocks)
    for (let y = Math.floor(b.y); y < Math.min(height, b.y + b.h); y++)
      level.fill(b.v, y * width + Math.ceil(b.x), y * width + Math.min(width, Math.ceil(b.x + b.w)));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // Light falls across a windshield unevenly: a gentle gradient, and a little texture.
      const v = level[y * width + x]! + (x / width) * 24 - (y / height) * 16 + ((x * 7 + y * 13) % 5) - 2;
      const i = (y * width + x) * 4;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  return { width, height, data };
}

function mapPixels(image: RgbaImage, f: (v: number, x: number, y: number) => number): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const v = f(image.data[i]!, x, y);
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  return { ...image, data };
}

/** A box blur of the given radius, as a shaking hand makes. */
function blurred(image: RgbaImage, radius: number): RgbaImage {
  const { width, height } = image;
  const at = (x: number, y: number) =>
    image.data[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 4]!;
  const horizontal = mapPixels(image, (_, x, y) => {
    let sum = 0;
    for (let d = -radius; d <= radius; d++) sum += at(x + d, y);
    return sum / (2 * radius + 1);
  });
  const at2 = (x: number, y: number) =>
    horizontal.data[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 4]!;
  return mapPixels(horizontal, (_, x, y) => {
    let sum = 0;
    for (let d = -radius; d <= radius; d++) sum += at2(x, y + d);
    return sum / (2 * radius + 1);
  });
}

/** The same photo at half the size (each pixel the mean of four). */
function halved(image: RgbaImage): RgbaImage {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Uint8ClampedArray(width * height * 4);
  const at = (x: number, y: number) => image.data[(y * image.width + x) * 4]!;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}

const WARN_ALL: PhotoCheckPolicy = { blur: "warn", exposure: "warn", size: "warn" };
const verdicts = (image: RgbaImage, policy = WARN_ALL) =>
  Object.fromEntries(checkPhoto(photoStats(image), policy).map((r) => [r.check, r.verdict]));

describe("photo checks", () => {
  const sharp = scene(1);

  it("passes a sharp, well-lit photo of a usable size", () => {
    expect(verdicts(sharp)).toEqual({ blur: "ok", exposure: "ok", size: "ok" });
    expect(photoVerdict(checkPhoto(photoStats(sharp), WARN_ALL))).toBe("ok");
  });

  it("finds blur, darkness, glare and a thumbnail, each with its own sentence", () => {
    expect(verdicts(blurred(sharp, 6)).blur).toBe("warn");
    expect(verdicts(mapPixels(sharp, (v) => v * 0.15)).exposure).toBe("warn");
    expect(verdicts(mapPixels(sharp, (v) => 235 + v * 0.08)).exposure).toBe("warn");
    expect(verdicts(scene(1, 320, 240)).size).toBe("warn");
    const [blur] = checkPhoto(photoStats(blurred(sharp, 6)), WARN_ALL);
    expect(blur!.message).toMatch(/blurred/);
  });

  it("refuses what the business set to refuse, and only that", () => {
    const policy: PhotoCheckPolicy = { blur: "refuse", exposure: "warn", size: "warn" };
    const results = checkPhoto(photoStats(blurred(sharp, 6)), policy);
    expect(photoVerdict(results)).toBe("refuse");
    expect(photoVerdict(checkPhoto(photoStats(mapPixels(sharp, (v) => v * 0.15)), policy))).toBe("warn");
  });

  it("analyses a big photo from a small copy: a 12 MP sharp photo still reads as sharp", () => {
    const big = scene(3, 4000, 3000);
    expect(verdicts(big)).toEqual({ blur: "ok", exposure: "ok", size: "ok" });
  });

  it("refuses a buffer that is not an image instead of reading past it", () => {
    expect(() => photoStats({ width: 100, height: 100, data: new Uint8ClampedArray(10) })).toThrow(RangeError);
  });
});

describe("perceptual hash", () => {
  const original = scene(7);

  it("is stable under recompression-like noise, a small brightness change and a resize", () => {
    const hash = differenceHash(original);
    const noisy = mapPixels(original, (v, x, y) => v + (((x * 31 + y * 17) % 7) - 3));
    const brighter = mapPixels(original, (v) => v + 12);
    const smaller = halved(original);
    const distances = [noisy, brighter, smaller].map((copy) => hashDistance(hash, differenceHash(copy)));
    expect(distances.every((d) => d <= 6)).toBe(true);
    expect(isNearDuplicate(hash, differenceHash(noisy))).toBe(true);
  });

  it("tells different photos apart", () => {
    const hash = differenceHash(original);
    const distances = [8, 9, 10, 11].map((seed) => hashDistance(hash, differenceHash(scene(seed))));
    expect(Math.min(...distances)).toBeGreaterThan(10);
  });

  it("distance is a metric on 64 bits", () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const d = hashDistance(a, b);
        return d === hashDistance(b, a) && d >= 0 && d <= 64 && (d === 0) === (a === b);
      }),
    );
    expect(() => hashDistance("xyz", "0000000000000000")).toThrow(RangeError);
  });
});
