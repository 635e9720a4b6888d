// The photo checks and the server's hash on the committed fixture photos: the sharp chip passes,
// the blurred and the dark ones fail their check, the chip edited (brighter, a sticker, recompressed)
// is the same photo to the hash, and a corrupt or oversized file is skipped, never thrown.
import { readFileSync } from "node:fs";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import {
  WARN_ON_EVERY_CHECK,
  checkPhoto,
  differenceHash,
  hashDistance,
  isNearDuplicate,
  photoStats,
  photoVerdict,
} from "~/domain/photo-checks";
import { bigintToHash, hashToBigint, jpegDifferenceHash } from "./photo-hash";

const fixture = (name: string) => readFileSync(`tests/e2e/fixtures/${name}`);
const decoded = (name: string) => {
  const image = jpeg.decode(fixture(name), { useTArray: true, formatAsRGBA: true });
  return { width: image.width, height: image.height, data: image.data };
};
const failed = (name: string) =>
  checkPhoto(photoStats(decoded(name)), WARN_ON_EVERY_CHECK)
    .filter((r) => r.verdict !== "ok")
    .map((r) => r.check);

describe("photo checks on the fixture photos", () => {
  it("passes the sharp chip and the edited copy", () => {
    expect(failed("windshield-chip.jpg")).toEqual([]);
    expect(failed("windshield-chip-edited.jpg")).toEqual([]);
  });
  it("finds the blurred one blurred and the dark one dark", () => {
    expect(failed("windshield-chip-blurred.jpg")).toEqual(["blur"]);
    expect(failed("windshield-chip-dark.jpg")).toEqual(["exposure"]);
  });
  it("refuses the blurred one when the business refuses blur", () => {
    const results = checkPhoto(photoStats(decoded("windshield-chip-blurred.jpg")), {
      ...WARN_ON_EVERY_CHECK,
      blur: "refuse",
    });
    expect(photoVerdict(results)).toBe("refuse");
  });
});

describe("the server's photo hash", () => {
  it("hashes the bytes as the domain hashes the pixels", () => {
    expect(jpegDifferenceHash(fixture("windshield-chip.jpg"))).toBe(differenceHash(decoded("windshield-chip.jpg")));
  });
  it("finds the edited copy a near duplicate of the original", () => {
    const original = jpegDifferenceHash(fixture("windshield-chip.jpg"))!;
    const edited = jpegDifferenceHash(fixture("windshield-chip-edited.jpg"))!;
    expect(hashDistance(original, edited)).toBeLessThanOrEqual(2);
    expect(isNearDuplicate(original, edited)).toBe(true);
  });
  it("tells the photo from its mirror image", () => {
    const image = decoded("windshield-chip.jpg");
    const mirrored = new Uint8Array(image.data.length);
    for (let y = 0; y < image.height; y++)
      for (let x = 0; x < image.width; x++) {
        const from = (y * image.width + x) * 4;
        mirrored.set(image.data.subarray(from, from + 4), (y * image.width + (image.width - 1 - x)) * 4);
      }
    const other = differenceHash({ ...image, data: mirrored });
    expect(isNearDuplicate(other, jpegDifferenceHash(fixture("windshield-chip.jpg"))!)).toBe(false);
  });
  it("skips a corrupt file and a decompression bomb instead of throwing", () => {
    const bytes = fixture("windshield-chip.jpg");
    expect(jpegDifferenceHash(bytes.subarray(0, 400))).toBeNull();
    expect(jpegDifferenceHash(new Uint8Array([1, 2, 3]))).toBeNull();
    // A header claiming 60 000 × 60 000 pixels (3600 MP): refused before any pixel is allocated.
    const bomb = Buffer.from(bytes);
    for (let i = 2; i < bomb.length - 9; i++)
      if (bomb[i] === 0xff && bomb[i + 1] === 0xc0) {
        bomb.writeUInt16BE(60000, i + 5);
        bomb.writeUInt16BE(60000, i + 7);
        break;
      }
    expect(jpegDifferenceHash(bomb)).toBeNull();
  });
  it("keeps all 64 bits through the database's signed bigint", () => {
    for (const hex of ["0000000000000000", "ffffffffffffffff", "8000000000000001", "7fffffffffffffff"])
      expect(bigintToHash(hashToBigint(hex))).toBe(hex);
  });
});
