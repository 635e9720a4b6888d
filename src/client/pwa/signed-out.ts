// Kept apart from register-service-worker.ts so every screen's sign-out button can use it
// without loading workbox-window.
import { SIGNED_OUT } from "./messages";

/** The office screens' kept views (src/client/office/offline-snapshot.ts), named here to keep idb-keyval out. */
const OFFICE_SNAPSHOT_DB = "rs-office-views";

/**
 * Asks every service worker of the site (the /walk one and the office screens' one) to drop its
 * runtime caches, and deletes the office screens' kept views; resolves quickly without a worker.
 */
export async function tellServiceWorkerSignedOut(): Promise<void> {
  // The screen stops keeping its views first (src/client/office/offline-snapshot.ts listens).
  if (typeof window !== "undefined") window.dispatchEvent(new Event(SIGNED_OUT.type));
  if (typeof indexedDB !== "undefined") indexedDB.deleteDatabase(OFFICE_SNAPSHOT_DB);
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const registrations = await navigator.serviceWorker.getRegistrations();
  for (const registration of registrations) registration.active?.postMessage(SIGNED_OUT);
}
