// RS Systems service worker, bundled by scripts/build-service-worker.mjs, which also injects the
// precache manifest: the prerendered /walk screens and the build files they load, at once or
// through import(), the web app manifest, icons and the self-hosted image-compression library.
// It never answers the APIs (/api/auth, /api/trpc, /api/uploads) or RSC requests: no route below
// matches them, so they go straight to the network.
import { clientsClaim, type WorkboxPlugin } from "workbox-core";
import { type PrecacheEntry, PrecacheController, PrecacheRoute } from "workbox-precaching";
import { Route, registerRoute } from "workbox-routing";
import { CacheFirst, StaleWhileRevalidate } from "workbox-strategies";
import { OUTBOX_SYNC_TAG, SIGNED_OUT, SKIP_WAITING, SYNC_REQUEST } from "../src/client/pwa/messages";
import { openFromNotification, showPush } from "./push";
import { isFromWalkScreen, isShellNavigation, isWalkScreen, shellNavigationHandler } from "./walk-navigation";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };
/** Background Sync is not in TypeScript's lib yet. */
type SyncEvent = ExtendableEvent & { readonly tag: string };

const RUNTIME_CACHE_PREFIX = "rs-runtime-";

// /walk is behind the login: fetched signed out it redirects to /login, and Workbox would store
// the login page as the shell. Refuse any redirect so such an install fails and the previous
// worker (with its good shell) stays; the worker is only registered from /walk, signed in.
const refuseRedirects: WorkboxPlugin = {
  fetchDidSucceed: async ({ request, response }) => {
    if (response.redirected) throw new Error(`Not precaching ${request.url}: redirected to ${response.url}`);
    return response;
  },
};

const manifest = self.__WB_MANIFEST; // injectManifest replaces this one occurrence
const precache = new PrecacheController({ plugins: [refuseRedirects] });
precache.precache(manifest);
const shells = new Set(manifest.map((entry) => (typeof entry === "string" ? entry : entry.url)).filter(isWalkScreen));
clientsClaim(); // the first install controls the page that registered it, so it works offline at once

const isStaticAsset = (url: URL) =>
  ["/_next/static/", "/icons/", "/vendor/"].some((prefix) => url.pathname.startsWith(prefix)) ||
  url.pathname === "/manifest.webmanifest";

// Precached files, but only static ones: the /walk screens are served by the navigation route
// alone, so an RSC fetch of /walk can never receive the cached HTML.
const precacheRoute = new PrecacheRoute(precache);
registerRoute(
  new Route(
    (options) => options.sameOrigin && isStaticAsset(options.url) && precacheRoute.match(options),
    precacheRoute.handler,
  ),
);

// Hashed build assets and icons not in the manifest (none expected) that a /walk screen asks
// for: cache-first at run time. Those of other screens under this worker (the login page after
// sign-out, a manager's screen on a shared device) go to the network and the browser's HTTP
// cache: they are of no use offline, and would pile up build after build.
const runtimeStatic = new CacheFirst({ cacheName: `${RUNTIME_CACHE_PREFIX}static` });
registerRoute(
  ({ url, sameOrigin }) =>
    sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")),
  async (options) => {
    const fromWalk = await isFromWalkScreen((options.event as FetchEvent).clientId, (id) => self.clients.get(id));
    return fromWalk ? runtimeStatic.handle(options) : fetch(options.request);
  },
);

// The barcode scanner (its worker and WebAssembly decoder, about 0.5 MB gzipped) and the OCR
// files: not precached, since most phones never scan, but kept once used so scanning works
// offline; refreshed in the background after a deploy. Not user data: kept across sign-outs.
const scanAssets = new StaleWhileRevalidate({ cacheName: "rs-scan-assets" });
registerRoute(({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/scan/"), scanAssets);

registerRoute(
  isShellNavigation(shells),
  shellNavigationHandler((path) => precache.matchPrecache(path)),
);

self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(askPagesToSync());
});

self.addEventListener("message", (event) => {
  const type: unknown = (event.data as { type?: unknown } | null)?.type;
  if (type === SKIP_WAITING.type) void self.skipWaiting();
  if (type === SIGNED_OUT.type) event.waitUntil(clearRuntimeCaches());
});

self.addEventListener("push", (event) => {
  const text = event.data?.text() ?? null;
  event.waitUntil(
    showPush(text, self.location.origin, (title, options) => self.registration.showNotification(title, options)),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openFromNotification(event.notification.data, self.location.origin, self.clients));
});

/** The sync engine lives in the page (it owns IndexedDB and the session): ask every open page. */
async function askPagesToSync() {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage(SYNC_REQUEST);
}

async function clearRuntimeCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(RUNTIME_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
