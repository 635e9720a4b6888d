// When the device syncs by itself (docs/sync-protocol.md §4): at app start, when the connection
// comes back, when the user returns to the app, and when the service worker's Background Sync
// fires (the worker posts {type:"rs-sync"} to an open page). The timer lives in the engine.
import { OUTBOX_SYNC_TAG, SYNC_REQUEST } from "../pwa/messages";
import type { SyncEngine } from "./sync-engine";

type SyncManagerLike = { register(tag: string): Promise<void> };

export function attachSyncTriggers(
  engine: Pick<SyncEngine, "sync" | "kick">,
  env: { window: Window; document: Document; navigator: Navigator },
): () => void {
  const run = () => void engine.sync();
  // Back online: send now, whatever the backoff timer of the failed offline attempts says.
  const onOnline = () => void engine.kick();
  const onVisible = () => {
    if (env.document.visibilityState === "visible") run();
  };
  const onWorkerMessage = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === SYNC_REQUEST.type) run();
  };
  env.window.addEventListener("online", onOnline);
  env.document.addEventListener("visibilitychange", onVisible);
  env.navigator.serviceWorker?.addEventListener("message", onWorkerMessage);
  run();
  return () => {
    env.window.removeEventListener("online", onOnline);
    env.document.removeEventListener("visibilitychange", onVisible);
    env.navigator.serviceWorker?.removeEventListener("message", onWorkerMessage);
  };
}

/** Asks the browser to wake the service worker when the connection is back (where it can: not iOS). */
export async function requestBackgroundSync(navigator: Navigator): Promise<boolean> {
  try {
    if (!navigator.serviceWorker) return false;
    const registration = (await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<null>((r) => setTimeout(() => r(null), 2_000)),
    ])) as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | null;
    if (!registration?.sync) return false;
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false; // permission refused or unsupported: foreground sync still runs
  }
}
