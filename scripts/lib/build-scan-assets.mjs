// Self-hosts the barcode scanner: bundles src/client/scan/scan-worker.ts into public/scan/ with
// esbuild (a classic worker script: Turbopack does not bundle `new Worker(new URL(…))`) and copies
// ZXing's WebAssembly beside it. The service worker caches both once scanning was used.
// The OCR of painted unit numbers (tesseract.js) is copied to public/scan/ocr/: its worker, the
// LSTM-only cores (the worker picks the one the phone's WebAssembly runs: relaxed SIMD, SIMD or
// neither) and the English trained data (integer "best" model, 2.9 MB), so nothing comes from a CDN.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { build } from "esbuild";

export const SCAN_DIR = "public/scan";
export const OCR_DIR = `${SCAN_DIR}/ocr`;

const OCR_FILES = [
  ["node_modules/tesseract.js/dist/worker.min.js", "worker.min.js"],
  ...["", "simd-", "relaxedsimd-"].map((kind) => [
    `node_modules/tesseract.js-core/tesseract-core-${kind}lstm.wasm.js`,
    `tesseract-core-${kind}lstm.wasm.js`,
  ]),
  ["node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz", "eng.traineddata.gz"],
];

const versionOf = (pkg) => JSON.parse(readFileSync(`${pkg}/package.json`, "utf8")).version;

export async function buildScanAssets() {
  // The worker's ZXing glue and the .wasm both come from the top-level zxing-wasm, the version
  // barcode-detector names: two versions do not fit together (the decoder fails to allocate its memory).
  const wanted = JSON.parse(readFileSync("node_modules/barcode-detector/package.json", "utf8")).dependencies[
    "zxing-wasm"
  ];
  const nested = "node_modules/barcode-detector/node_modules/zxing-wasm";
  const glue = (() => {
    try {
      return versionOf(nested);
    } catch {
      return versionOf("node_modules/zxing-wasm");
    }
  })();
  if (glue !== versionOf("node_modules/zxing-wasm") || glue !== wanted)
    throw new Error(`zxing-wasm: the scanner needs ${wanted} once, at the top level (pin it in package.json)`);
  mkdirSync(SCAN_DIR, { recursive: true });
  copyFileSync("node_modules/zxing-wasm/dist/reader/zxing_reader.wasm", `${SCAN_DIR}/zxing_reader.wasm`);
  mkdirSync(OCR_DIR, { recursive: true });
  for (const [from, to] of OCR_FILES) copyFileSync(from, `${OCR_DIR}/${to}`);
  await build({
    entryPoints: ["src/client/scan/scan-worker.ts"],
    outfile: `${SCAN_DIR}/scan-worker.js`,
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
}
