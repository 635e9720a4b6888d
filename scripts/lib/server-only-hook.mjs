// Server modules start with `import "server-only"`, so that Next's build fails if a screen ever
// bundles one. Next resolves that marker to an empty module on the server; plain Node (the
// start-up, seed and migration scripts, the bench) must do the same, or the marker throws.
// Loaded with `node --import tsx --import ./scripts/lib/server-only-hook.mjs …`
// (after tsx: hooks registered later run first, and tsx would resolve the marker itself).
import { register } from "node:module";
import { URL } from "node:url";

const empty = new URL("../../node_modules/server-only/empty.js", import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
