// Part of `npm run build` (scripts/build-service-worker.mjs, before the precache manifest): marks
// the scripts /walk's HTML loads at once with V8's compile-hints comment, `//# allFunctionsCalledOnLoad`.
//
// Why: these chunks (React DOM, Next's router, the home screen) run almost all their functions
// while the page starts. Without the hint V8 compiles each function lazily, on the main thread,
// the first time it is called: for the 200 KB React DOM module that was most of the framework's
// one long start-up task, and that task was most of /walk's total blocking time. With the hint,
// Chrome (136 and later) compiles the whole script eagerly while it streams it in, on a
// background thread; other browsers read the line as an ordinary comment.
//
// Only the HTML's `async` scripts (not the noModule polyfills nor the chunks loaded later by
// import(): compiling those eagerly would be wasted work), and only the large ones.
import { Buffer } from "node:buffer";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";
/** Only large scripts: they hold nearly all the code compiled lazily at start-up (React DOM alone is
 *  200 KB), and every hint adds its bytes to the first load. */
export const MIN_HINTED_BYTES = 30 * 1024;

const ASYNC_SCRIPT = /<script\b[^>]*\bsrc="\/_next\/(static\/chunks\/[\w.-]+\.js)"[^>]*>/g;

/** Adds the hint to /walk's first-load scripts (once: a second run changes nothing); returns the files marked now. */
export function addCompileHints(nextDir, html = "server/app/walk.html") {
  const page = path.join(nextDir, html);
  if (!existsSync(page)) throw new Error(`compile hints: ${page} is missing.`);
  const marked = [];
  for (const [tag, file] of readFileSync(page, "utf8").matchAll(ASYNC_SCRIPT)) {
    if (!/\basync\b/.test(tag) || /\bnomodule\b/i.test(tag)) continue;
    const full = path.join(nextDir, file);
    const source = readFileSync(full, "utf8");
    if (source.startsWith(COMPILE_HINT) || Buffer.byteLength(source) < MIN_HINTED_BYTES) continue;
    writeFileSync(full, COMPILE_HINT + source);
    marked.push(file);
  }
  return marked;
}
