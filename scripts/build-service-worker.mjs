// Second half of `npm run build`, after `next build`: self-hosts the image-compression library,
// bundles service-worker/sw.ts with esbuild and lets workbox-build inject the precache manifest
// into public/sw.js. `next start` serves files added to public/ after `next build`.
// Only what /walk needs offline is precached: its screens' HTML, the build files they load, at
// once or through import() (scripts/lib/walk-precache.mjs), the web app manifest, its icons and
// the vendored library; not the manager's, admin's or portal's code.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";
import { walkPrecacheFiles, walkScreens } from "./lib/walk-precache.mjs";
import { buildScanAssets } from "./lib/build-scan-assets.mjs";
import { addCompileHints } from "./lib/compile-hints.mjs";

// Its web worker loads the library from a CDN unless `libURL` names a same-origin copy.
const VENDOR_DIR = "public/vendor";
const VENDOR_FILES = ["browser-image-compression.js", "browser-image-compression.js.map"];
// The prerendered /walk page (and any static page under /walk/): app shells served offline
// under their own URLs, e.g. .next/server/app/walk.html as /walk.
const NEXT_DIR = ".next";
const PAGES_DIR = ".next/server/app/";
const BUNDLE = ".next/service-worker/sw.js";
const PHOTO_CHECKS_WORKER = "public/photo-checks-worker.js";
const OFFICE_WORKER = "public/office-sw.js";
const pageUrl = (file) => `/${file.slice(PAGES_DIR.length, -".html".length)}`;

mkdirSync(VENDOR_DIR, { recursive: true });
for (const file of VENDOR_FILES)
  copyFileSync(`node_modules/browser-image-compression/dist/${file}`, `${VENDOR_DIR}/${file}`);

await buildScanAssets();

// Before the precache manifest, whose revisions are the files' hashes: the worker must cache the
// marked files (scripts/lib/compile-hints.mjs).
const hinted = addCompileHints(NEXT_DIR);
console.log(`✓ compile hints on ${hinted.length} first-load script(s) of /walk`);

// Throws (failing the build) when walk.html is missing or the build output is not understood.
const { files: walkFiles, lazy } = walkPrecacheFiles(NEXT_DIR);
const screens = walkScreens(NEXT_DIR).map((s) => `${NEXT_DIR}/${s.html}`);

await build({
  entryPoints: ["service-worker/sw.ts"],
  outfile: BUNDLE,
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  define: { "process.env.NODE_ENV": '"production"' }, // drops Workbox's development logging
  logLevel: "warning",
});

// The office screens' worker (service-worker/office-sw.ts): nothing to precache, so no manifest;
// a plain file under its fixed URL, registered by /manager and /portal with their own scopes.
await build({
  entryPoints: ["service-worker/office-sw.ts"],
  outfile: OFFICE_WORKER,
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  logLevel: "warning",
});

// The photo checks' worker (src/client/capture/photo-checks-worker.ts): a plain file, since
// Turbopack's `new Worker(new URL(...))` did not build; loaded by its fixed URL.
await build({
  entryPoints: ["src/client/capture/photo-checks-worker.ts"],
  outfile: PHOTO_CHECKS_WORKER,
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  logLevel: "warning",
});

const { count, size, warnings } = await injectManifest({
  swSrc: BUNDLE,
  swDest: "public/sw.js",
  globDirectory: ".",
  globPatterns: [
    ...walkFiles.map((f) => `${NEXT_DIR}/${f}`),
    ...screens,
    "public/manifest.webmanifest",
    "public/icons/*.png",
    `${VENDOR_DIR}/*.js`,
    PHOTO_CHECKS_WORKER,
  ],
  globIgnores: ["**/*.map"],
  modifyURLPrefix: { ".next/static/": "/_next/static/", "public/": "/" },
  // Next's static files have content hashes (or the build id) in their path: no cache-busting.
  dontCacheBustURLsMatching: /^\/_next\/static\//,
  manifestTransforms: [
    async (entries) => ({
      manifest: entries.map((e) => (e.url.startsWith(PAGES_DIR) ? { ...e, url: pageUrl(e.url) } : e)),
      warnings: [],
    }),
  ],
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
for (const warning of warnings) console.warn(`service worker: ${warning}`);
if (count < walkFiles.length + screens.length)
  throw new Error(
    `service worker precache: ${count} files precached, fewer than the ${walkFiles.length + screens.length} /walk needs.`,
  );
console.log(
  `✓ public/sw.js precaches ${count} files (${Math.round(size / 1024)} KB): /walk's ${screens.length} screen(s), ${walkFiles.length} build files (${lazy.length} loaded by import()), manifest, icons, vendored library`,
);
