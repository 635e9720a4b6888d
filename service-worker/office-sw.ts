// RS Systems office worker (public/office-sw.js, bundled by scripts/build-service-worker.mjs):
// /manager and /portal open offline after one visit, showing the last view they loaded. The page
// itself marks that view as stale and read-only (src/app/_components/offline-view.tsx).
// Registered by those screens with their own scope, so it never sees /walk, whose worker
// (sw.ts) precaches a shell a customer may not open. Nothing is precached: every page and build
// file is kept at run time, after a successful, signed-in response.
import { type KeepPageMessage, KEEP_PAGE, SIGNED_OUT } from "../src/client/pwa/messages";
import {
  OFFICE_PAGES_CACHE,
  OFFICE_STATIC_CACHE,
  OFFICE_STATIC_MAX_ENTRIES,
  inScope,
  isHashedBuildFile,
  isOfficeNavigation,
  pageKey,
  pageVerdict,
} from "./office-pages";

declare const self: ServiceWorkerGlobalScope;

self.addEventListener("install", () => void self.skipWaiting());
// Control the page that registered it, so the chunks it loads lazily afterwards are kept too.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET") return; // the network, untouched
  if (isOfficeNavigation(request, url)) event.respondWith(networkFirstPage(request, url));
  else if (isHashedBuildFile(url)) event.respondWith(cacheFirstStatic(request));
  // Anything else (the APIs, RSC payloads, uploads' content) goes to the network: no route.
});

self.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === SIGNED_OUT.type) event.waitUntil(caches.delete(OFFICE_PAGES_CACHE));
  if (data?.type === KEEP_PAGE.type) event.waitUntil(keepPage(data as KeepPageMessage));
});

/** Online: the server's page, kept as the offline copy. Offline (the fetch fails): that copy. */
async function networkFirstPage(request: Request, url: URL): Promise<Response> {
  try {
    const response = await fetch(request);
    await remember(pageKey(url), response);
    return response;
  } catch {
    const cache = await caches.open(OFFICE_PAGES_CACHE);
    return (await cache.match(pageKey(url))) ?? Response.error();
  }
}

async function remember(key: string, response: Response) {
  const verdict = pageVerdict(response);
  if (verdict === "none") return;
  const cache = await caches.open(OFFICE_PAGES_CACHE);
  if (verdict === "forget") await caches.delete(OFFICE_PAGES_CACHE);
  else await cache.put(key, response.clone());
}

async function cacheFirstStatic(request: Request): Promise<Response> {
  const cache = await caches.open(OFFICE_STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await putStatic(cache, request.url, response.clone());
  return response;
}

async function putStatic(cache: Cache, url: string, response: Response) {
  await cache.put(url, response);
  const keys = await cache.keys(); // in insertion order: the oldest builds' files first
  await Promise.all(keys.slice(0, Math.max(0, keys.length - OFFICE_STATIC_MAX_ENTRIES)).map((k) => cache.delete(k)));
}

/**
 * The first visit loaded before this worker existed: fetch that page again (the copy must come
 * from the server, with the session's cookie) and keep the build files it already loaded.
 */
async function keepPage(message: KeepPageMessage) {
  const origin = self.location.origin;
  const page = new URL(message.url, origin);
  if (page.origin !== origin || !inScope(page.pathname)) return;
  const response = await fetch(page.href, { credentials: "same-origin", redirect: "manual" });
  await remember(pageKey(page), response);
  const cache = await caches.open(OFFICE_STATIC_CACHE);
  for (const asset of message.assets) {
    const url = new URL(asset, origin);
    if (url.origin !== origin || !isHashedBuildFile(url) || (await cache.match(url.href))) continue;
    const file = await fetch(url.href).catch(() => null);
    if (file?.ok) await putStatic(cache, url.href, file);
  }
}
