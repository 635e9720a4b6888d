// Which files of Next's build the /walk screens need offline, for the service worker's precache
// (scripts/build-service-worker.mjs). Read from the build output itself, for each prerendered
// screen (.next/server/app/walk.html as /walk, and any under walk/):
//
// - its HTML: the stylesheets and scripts of the first render, and the chunks named in the
//   inlined RSC payload;
// - the page's client reference manifest (server/app/walk/page_client-reference-manifest.js):
//   the chunks of every client component of the page and its layouts, and their CSS;
// - the page's build manifest (server/app/walk/page/build-manifest.json): the framework's chunks;
//
// then everything those reach, transitively: Turbopack names the chunks an `import()` loads as
// "static/chunks/<file>" strings inside the chunk that imports (React.lazy screens, signature_pad,
// the image compressor, workbox-window…), and a stylesheet names its fonts and images in url().
// Other screens' chunks (manager, admin, portal, Leaflet) are not reached, so not precached.
//
// Anything unexpected throws: a build that cannot tell what /walk needs must not ship a worker
// that silently lacks part of it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/** A build file named anywhere (HTML, JS, JSON): "static/chunks/x.js", "/_next/static/media/y.png". */
const STATIC_FILE =
  /(?:\/_next\/)?\b(static\/(?:chunks|media)\/[\w.-]+\.(?:js|css|woff2?|ttf|otf|eot|png|jpe?g|gif|svg|webp|avif|ico))(?![\w.-])/g;
/** url(…) in a stylesheet, quoted or not. */
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

const fail = (message) => {
  throw new Error(`service worker precache: ${message}`);
};

/** The prerendered /walk screens: [{ html, route }] with html relative to nextDir. */
export function walkScreens(nextDir) {
  const pages = path.join(nextDir, "server/app");
  const screens = [];
  if (existsSync(path.join(pages, "walk.html"))) screens.push({ html: "server/app/walk.html", route: "/walk" });
  if (existsSync(path.join(pages, "walk"))) {
    for (const file of readdirSync(path.join(pages, "walk"), { recursive: true })) {
      if (String(file).endsWith(".html"))
        screens.push({ html: `server/app/walk/${file}`, route: `/walk/${String(file).slice(0, -".html".length)}` });
    }
  }
  return screens;
}

function read(nextDir, file) {
  const full = path.join(nextDir, file);
  if (!existsSync(full)) fail(`${full} is missing.`);
  return readFileSync(full, "utf8");
}

const namedFiles = (text) => [...text.matchAll(STATIC_FILE)].map((m) => m[1]);

/** The page's client reference manifest: every chunk and stylesheet it names. */
function clientReferenceFiles(nextDir, route) {
  const file = `server/app${route}/page_client-reference-manifest.js`;
  const sandbox = { globalThis: {} };
  vm.runInNewContext(read(nextDir, file), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest?.clientModules)
    fail(`${file} has no client modules for ${route}/page: has Next's manifest format changed?`);
  const files = [
    ...Object.values(manifest.clientModules).flatMap((m) => m.chunks ?? []),
    ...Object.values(manifest.entryJSFiles ?? {}).flat(),
    ...Object.values(manifest.entryCSSFiles ?? {}).flatMap((list) =>
      list.filter((css) => !css.inlined).map((css) => css.path),
    ),
  ].map((f) => f.replace(/^\/?_next\//, ""));
  if (!files.some((f) => f.endsWith(".js")))
    fail(`${file} names no chunk for ${route}: has Next's manifest format changed?`);
  return files;
}

/** The page's build manifest: the framework's chunks, and the noModule polyfills to leave out. */
function buildManifest(nextDir, route) {
  const file = `server/app${route}/page/build-manifest.json`;
  const manifest = JSON.parse(read(nextDir, file));
  if (!manifest.rootMainFiles?.length) fail(`${file} lists no rootMainFiles: has Next's manifest format changed?`);
  return { rootMainFiles: manifest.rootMainFiles, polyfillFiles: manifest.polyfillFiles ?? [] };
}

/** Files a stylesheet loads (fonts, images), as paths relative to nextDir. */
function stylesheetFiles(css, cssFile) {
  const files = [];
  for (const [, , url] of css.matchAll(CSS_URL)) {
    if (/^(data:|#|https?:|\/\/)/.test(url)) continue;
    const clean = url.split(/[?#]/)[0];
    files.push(
      clean.startsWith("/_next/") ? clean.slice("/_next/".length) : path.posix.join(path.posix.dirname(cssFile), clean),
    );
  }
  return files;
}

/**
 * Every build file the /walk screens load, at first render or later, as paths relative to nextDir
 * ("static/chunks/…"), sorted. `lazy` are those reached only through another file.
 */
export function walkPrecacheFiles(nextDir) {
  const screens = walkScreens(nextDir);
  if (!screens.some((s) => s.route === "/walk"))
    fail(
      `${path.join(nextDir, "server/app/walk.html")} is missing: /walk must stay a statically prerendered client shell to work offline.`,
    );

  const entry = new Set();
  const skip = new Set(); // noModule polyfills: never loaded by a browser that has service workers
  for (const { html, route } of screens) {
    const inHtml = namedFiles(read(nextDir, html));
    if (!inHtml.some((f) => f.endsWith(".js"))) fail(`${html} names no script: has Next's HTML output changed?`);
    const { rootMainFiles, polyfillFiles } = buildManifest(nextDir, route);
    for (const f of polyfillFiles) skip.add(f);
    // The HTML and the manifests describe the same page; should they ever differ, the worker
    // keeps what either names (a file too many costs a download, one too few breaks offline use).
    for (const f of [...inHtml, ...clientReferenceFiles(nextDir, route), ...rootMainFiles])
      if (!skip.has(f)) entry.add(f);
  }

  const all = new Set();
  const queue = [...entry];
  while (queue.length) {
    const file = queue.shift();
    if (all.has(file) || skip.has(file)) continue;
    if (!/^static\/[\w./-]+$/.test(file) || file.includes(".."))
      fail(`unexpected build file name ${JSON.stringify(file)}.`);
    const content = read(nextDir, file); // throws if a named file does not exist
    all.add(file);
    if (file.endsWith(".js")) queue.push(...namedFiles(content));
    else if (file.endsWith(".css")) queue.push(...stylesheetFiles(content, file));
  }
  const lazy = [...all].filter((f) => !entry.has(f));
  // /walk's app itself is loaded by import() (src/app/walk/_components/walk-shell.tsx): finding
  // no lazily loaded chunk means Turbopack names them another way now; offline use would break.
  if (!lazy.some((f) => f.endsWith(".js")))
    fail(
      "found no chunk loaded by import() from /walk, though the walk app is one: has Turbopack's chunk loading changed?",
    );
  return { files: [...all].sort(), lazy: lazy.sort() };
}
