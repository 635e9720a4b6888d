// Kept apart from register-service-worker.ts so every screen's sign-out button can use it
// without loading workbox-window.
import { SIGNED_OUT } from "./messages";

/** Asks the service worker to drop its runtime caches; resolves quickly even without a worker. */
export async function tellServiceWorkerSignedOut(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  registration?.active?.postMessage(SIGNED_OUT);
}
