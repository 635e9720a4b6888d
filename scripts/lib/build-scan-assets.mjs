// Self-hosts the barcode scanner: bundles src/client/scan/scan-worker.ts into public/scan/ with
// esbuild (a classic worker script: Turbopack does not bundle `new Worker(new URL(…))`) and copies
// ZXing's WebAssembly beside it. The service worker caches both once scanning was used.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { build } from "esbuild";

export const SCAN_DIR = "public/scan";

const versionOf = (pkg) => JSON.parse(readFileSync(`${pkg}/package.json`, "utf8")).version;

export async function buildScanAssets() {
  // The worker's ZXing glue comes from barcode-detector's zxing-wasm and the .wasm from the top
  // level: two versions do not fit together (the decoder fails to allocate its memory).
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
