// The Content-Security-Policy of every response (no "server-only": the request proxy reads it).
//
// Pages Next renders per request (manager, admin, portal) get a fresh nonce: Next reads it from
// the request's policy and puts it on its own scripts, and 'strict-dynamic' lets those load the
// rest. Prerendered pages (/walk, /login, /forbidden, the 404 page) are files written at build
// time, which cannot carry a per-request nonce; they are allowed their few inline scripts by hash
// and Next's chunks by 'self' (X-Content-Type-Options: nosniff keeps any other same-origin file,
// such as an uploaded photo, from running as a script). Keeping them static keeps /walk's
// first load fast and its HTML the one file the service worker precaches.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** Scripts a page may run: a per-request nonce, or the hashes of a prerendered page's inline scripts. */
export type PageScripts = { nonce: string } | { hashes: readonly string[] };

export interface PagePolicyOptions {
  scripts: PageScripts;
  /** The manager's map tiles, a {z}/{x}/{y} template (NEXT_PUBLIC_MAP_TILES_URL). */
  mapTilesUrl: string;
  /** Served over https: plain-http subresources are upgraded. */
  https: boolean;
  /** next dev: React's debugging needs eval and Next injects unhashed <style> tags. */
  development: boolean;
}

/** API and file responses are never documents that run anything. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function pagePolicy({ scripts, mapTilesUrl, https, development }: PagePolicyOptions): string {
  const script =
    "nonce" in scripts
      ? ["'self'", `'nonce-${scripts.nonce}'`, "'strict-dynamic'"]
      : ["'self'", ...scripts.hashes.map((h) => `'${h}'`)];
  if (development) script.push("'unsafe-eval'");
  // The barcode scanner's worker compiles ZXing's WebAssembly (src/client/scan/scan-worker.ts):
  // this allows WebAssembly compilation only, never eval of JavaScript.
  else script.push("'wasm-unsafe-eval'");
  const tiles = tileSource(mapTilesUrl);
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // React writes the `style` props of server-rendered markup as style attributes, which only
    // 'unsafe-inline' allows (a nonce or hash here would disable it). Styles run no code, and
    // img-src/connect-src limit where an injected style could send anything.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data:${tiles ? ` ${tiles}` : ""}`,
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // browser-image-compression runs in a worker it starts from a blob: URL (src/client/capture/photo.ts).
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The origin of a tile URL template as a CSP source: "https://{s}.tile.example.org/{z}/{x}/{y}.png"
 * gives "https://*.tile.example.org". Null when the template names no usable host.
 */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/.exec(template);
  if (!match) return null;
  const [, scheme, host] = match;
  const wildcard = host!.replace(/^\{[a-z]+\}\./i, "*.");
  if (/[{}\s'";,]/.test(wildcard) || wildcard.includes("*", 1)) return null;
  return `${scheme}://${wildcard}`;
}

/** A fresh, unguessable nonce (128 bits). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The CSP hashes ("sha256-…") of the inline scripts of an HTML document, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(attributes!)) continue;
    hashes.push(`sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}`);
  }
  return [...new Set(hashes)];
}

/** What a production build serves for a page path: its prerendered HTML's hashes, or rendered per request. */
export interface BuiltPages {
  /** Hashes of the inline scripts of each prerendered page, by path ("/walk"). */
  prerendered: ReadonlyMap<string, readonly string[]>;
  /** Paths of the pages Next renders per request. */
  rendered: ReadonlySet<string>;
}

/**
 * Reads the build in `nextDir` (.next): every prerendered page's HTML and the list of app routes.
 * Null when there is no production build (next dev renders every page per request).
 */
export function readBuiltPages(nextDir: string): BuiltPages | null {
  const appDir = path.join(nextDir, "server", "app");
  const routesFile = path.join(nextDir, "app-path-routes-manifest.json");
  if (!existsSync(appDir) || !existsSync(routesFile)) return null;
  const prerendered = new Map<string, string[]>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}/${entry.name}`);
      else if (entry.name.endsWith(".html")) {
        const name = entry.name.slice(0, -".html".length);
        const route = name === "index" && prefix === "" ? "/" : `${prefix}/${name}`;
        prerendered.set(route, inlineScriptHashes(readFileSync(path.join(dir, entry.name), "utf8")));
      }
    }
  };
  walk(appDir, "");
  const routes = Object.values(JSON.parse(readFileSync(routesFile, "utf8")) as Record<string, string>);
  const rendered = new Set(routes.filter((route) => !prerendered.has(route) && !route.startsWith("/api/")));
  return { prerendered, rendered };
}

/**
 * The scripts a page path may run. A path that is no page is answered with the prerendered
 * 404 page; a page rendered per request (or any page in development) gets a nonce.
 */
export function scriptsFor(pathname: string, built: BuiltPages | null, nonce: () => string): PageScripts {
  if (!built) return { nonce: nonce() };
  const route = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const hashes = built.prerendered.get(route);
  if (hashes) return { hashes };
  if (built.rendered.has(route)) return { nonce: nonce() };
  return { hashes: built.prerendered.get("/_not-found") ?? [] };
}
