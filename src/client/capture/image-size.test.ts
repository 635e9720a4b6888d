import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headerImageSize } from "./image-size";

describe("headerImageSize", () => {
  it("reads a JPEG's size from its frame header", () => {
    const jpeg = new Uint8Array(readFileSync("tests/e2e/fixtures/windshield-chip.jpg"));
    expect(headerImageSize(jpeg)).toEqual({ width: 1600, height: 1200 });
  });
  it("reads a PNG's size from IHDR", () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 3000);
    new DataView(png.buffer).setUint32(20, 4000);
    expect(headerImageSize(png)).toEqual({ width: 3000, height: 4000 });
  });
  it("says nothing of what it cannot read", () => {
    expect(headerImageSize(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBeNull();
    expect(headerImageSize(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
    expect(headerImageSize(new Uint8Array([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});
