// Registers /sw.js through workbox-window and tracks whether an update is waiting. Production
// builds only (a worker caching development bundles would serve stale code) and only from /walk,
// where the user is signed in, so the worker's install can precache the /walk shell.
import type { Workbox } from "workbox-window";
import { publicConfig } from "~/config/public";

let started = false;
let workbox: Workbox | null = null;
let updateReady = false;
const listeners = new Set<() => void>();

export function registerServiceWorker(): void {
  if (started || !publicConfig.production || !("serviceWorker" in navigator)) return;
  if (!window.location.pathname.startsWith("/walk")) return;
  started = true;
  // Nothing here is needed to use the screen: load workbox-window once the page is loaded and idle.
  const whenIdle = () => (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1)))(() => void start());
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}

async function start() {
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox("/sw.js");
  workbox = wb;
  // Fires for a worker installed now and for one left waiting by an earlier visit.
  wb.addEventListener("waiting", () => {
    updateReady = true;
    for (const listener of listeners) listener();
  });
  // The app stays open all day on a phone: look for a new version whenever it comes back.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void wb.update();
  });
  await wb.register({ immediate: true });
}

export function isUpdateReady(): boolean {
  return updateReady;
}

export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Activates the waiting worker and reloads once it controls the page. Called only when the user
 * taps Reload; the outbox lives in IndexedDB, so the reload loses nothing queued.
 */
export function applyUpdate(): void {
  if (!workbox) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
  workbox.messageSkipWaiting();
}
