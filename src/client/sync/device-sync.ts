// The app's one sync engine in the browser, wired to the device database, tRPC and triggers.
import { rsDb } from "../store/db";
import { SyncEngine } from "./sync-engine";
import { trpcSyncTransport } from "./trpc-transport";
import { attachSyncTriggers, requestBackgroundSync } from "./triggers";

let engine: SyncEngine | undefined;

/** One sync at a time across the app's tabs (Web Locks); undefined where the browser has none. */
function deviceSyncLock(nav: Navigator): ((run: () => Promise<void>) => Promise<void>) | undefined {
  if (!nav.locks) return undefined;
  return async (run) => {
    await nav.locks.request("rs-device-sync", () => run());
  };
}
let detach: (() => void) | undefined;

export function deviceSync(): SyncEngine {
  engine ??= new SyncEngine({
    db: rsDb(),
    transport: trpcSyncTransport(),
    fetch: (input, init) => fetch(input, init),
    isOnline: () => navigator.onLine,
    onWorkLeft: () => void requestBackgroundSync(navigator),
    exclusive: deviceSyncLock(navigator),
  });
  return engine;
}

/** Starts the automatic triggers once per page (app start included); returns how to stop them. */
export function startDeviceSync(): () => void {
  const current = deviceSync();
  detach ??= attachSyncTriggers(current, { window, document, navigator });
  return () => {
    detach?.();
    detach = undefined;
    current.stop();
  };
}
