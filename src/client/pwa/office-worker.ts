// Registers the office worker (service-worker/office-sw.ts) for /manager or /portal. Production
// builds only (a worker keeping development bundles would serve stale code), a few seconds after
// the load event and then at idle time: keeping the page asks the server to draw it again and
// fetches every build file it loaded, which must not compete with the screen starting up (its
// hydration, a tap on a slow phone, the first live check).
import { publicConfig } from "~/config/public";
import { KEEP_PAGE, type KeepPageMessage } from "./messages";

export const OFFICE_WORKER_URL = "/office-sw.js";
export type OfficeScope = "/manager" | "/portal";

/** After the load event: longer than a screen's start-up (hydration, first effects) on a slow phone. */
export const KEEP_DELAY_MS = 3_000;

let started = false;

export function registerOfficeWorker(scope: OfficeScope): void {
  if (started || !publicConfig.production || !("serviceWorker" in navigator)) return;
  started = true;
  const whenIdle = () =>
    (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1)))(() => void start(scope).catch(() => {}));
  const later = () => setTimeout(whenIdle, KEEP_DELAY_MS);
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

async function start(scope: OfficeScope) {
  // Was this page served through the office worker? Then it already kept it.
  const servedByIt = navigator.serviceWorker.controller?.scriptURL.endsWith(OFFICE_WORKER_URL) ?? false;
  const registration = await navigator.serviceWorker.register(OFFICE_WORKER_URL, { scope });
  if (servedByIt) return;
  const worker = await activeWorker(registration);
  const message: KeepPageMessage = { ...KEEP_PAGE, url: window.location.href, assets: loadedBuildFiles() };
  worker.postMessage(message);
}

/** The build files this page loaded (scripts, styles, fonts): what it needs to start again offline. */
function loadedBuildFiles(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => new URL(name).pathname.startsWith("/_next/static/"));
}

async function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  if (registration.active) return registration.active;
  const pending = registration.installing ?? registration.waiting;
  if (!pending) throw new Error("office worker: nothing installing");
  await new Promise<void>((resolve) => {
    const check = () => {
      if (pending.state === "activated") resolve();
    };
    pending.addEventListener("statechange", check);
    check();
  });
  return pending;
}
