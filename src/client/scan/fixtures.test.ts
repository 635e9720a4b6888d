// Every committed scanner fixture (tests/fixtures/scan, made by scripts/generate-scan-fixtures.mjs:
// rotated, blurred, on a noisy background) decodes to its value with the ZXing WebAssembly build
// the scanning worker uses when the browser has no BarcodeDetector, and means what it should.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { matchScannedCode } from "~/domain";
import { STILL_LOOKS, ZXING_FORMATS } from "./reader-options";

const DIR = path.resolve(import.meta.dirname, "../../../tests/fixtures/scan");
const fixtures = JSON.parse(readFileSync(path.join(DIR, "fixtures.json"), "utf8")) as Array<{
  file: string;
  format: string;
  value: string;
}>;

beforeAll(async () => {
  const wasm = readFileSync(
    path.resolve(import.meta.dirname, "../../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm"),
  );
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
});

describe("the scanner's fixtures", () => {
  it("cover QR, Code 128, Code 39 and Data Matrix, each straight, rotated, blurred and both", () => {
    expect(new Set(fixtures.map((f) => f.format))).toEqual(new Set(Object.values(ZXING_FORMATS)));
    expect(fixtures.length).toBeGreaterThanOrEqual(32);
  });

  // Every look the worker takes at a still: the first, and the larger ones without the scaled-down
  // and inverted reads (a code read only by those would be lost when the first look misses it).
  it.each(fixtures)("$file decodes to $value", async ({ file, format, value }) => {
    const bytes = new Uint8Array(readFileSync(path.join(DIR, file)));
    for (const { options } of STILL_LOOKS) {
      const results = await readBarcodes(bytes, options);
      expect(results.map((r) => [r.format, r.text])).toContainEqual([format, value]);
    }
  });

  it("a scanned tag, VIN label or new vehicle's VIN means what the lot needs", () => {
    const units = [
      { unitNumber: "SR-105", assetTag: "FLT-00105", vin: null },
      { unitNumber: "SR-201", assetTag: null, vin: "1GCUYDED2LZ123456" },
    ];
    expect(matchScannedCode("FLT-00105", units, 2026)).toMatchObject({ kind: "unit", by: "asset tag" });
    expect(matchScannedCode("I1GCUYDED2LZ123456", units, 2026)).toMatchObject({ kind: "unit", by: "VIN" });
    expect(matchScannedCode("3C6UR5DL8KG512345", units, 2026)).toMatchObject({
      kind: "new-vehicle",
      facts: { year: 2019, make: "Ram" },
    });
  });
});
