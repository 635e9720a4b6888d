// The app's one sync engine in the browser, wired to the device database, tRPC and triggers.
import { rsDb } from "../store/db";
import { pruneSyncedWalks } from "../store/prune-synced";
import { SyncEngine } from "./sync-engine";
import { trpcSyncTransport } from "./trpc-transport";
import { attachSyncTriggers, requestBackgroundSync } from "./triggers";

let engine: SyncEngine | undefined;
let detach: (() => void) | undefined;

export function deviceSync(): SyncEngine {
  engine ??= new SyncEngine({
    db: rsDb(),
    transport: trpcSyncTransport(),
    fetch: (input, init) => fetch(input, init),
    isOnline: () => navigator.onLine,
    onWorkLeft: () => void requestBackgroundSync(navigator),
  });
  return engine;
}

/** Starts the automatic triggers once per page (app start included); returns how to stop them. */
export function startDeviceSync(): () => void {
  const current = deviceSync();
  void pruneSyncedWalks(rsDb()).catch((error: unknown) => console.error("could not tidy up synced walks", error));
  detach ??= attachSyncTriggers(current, { window, document, navigator });
  return () => {
    detach?.();
    detach = undefined;
    current.stop();
  };
}
