// Self-hosts the barcode scanner: bundles src/client/scan/scan-worker.ts into public/scan/ with
// esbuild (a classic worker script: Turbopack does not bundle `new Worker(new URL(…))`) and copies
// ZXing's WebAssembly beside it. The service worker caches both once scanning was used.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

export const SCAN_DIR = "public/scan";

export async function buildScanAssets() {
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
