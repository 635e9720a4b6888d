// The device's sync engine (src/client/sync/device-sync.ts), with the tRPC client and superjson it
// sends through (about 13 KB gzipped), is not needed to show the first screen, which reads only
// the device database. /walk loads it at idle time right after (startDeviceSyncWhenIdle), or at
// once when something asks for a sync before that (kickSync). Offline, the service worker serves
// its chunk from the precache like the rest of /walk.
import type * as DeviceSync from "~/client/sync/device-sync";
import type { SyncEngine } from "~/client/sync/sync-engine";
import { loadDeviceStore } from "./lazy-device-store";

type DeviceSyncModule = typeof DeviceSync;

let loading: Promise<DeviceSyncModule> | undefined;
let engine: SyncEngine | null = null;
const onLoad = new Set<() => void>();

function loadModule(): Promise<DeviceSyncModule> {
  // Through the device store's chunk, which holds the modules the engine shares with it.
  loading ??= loadDeviceStore()
    .then((store) => store.deviceSyncModule())
    .catch((error: unknown) => {
      loading = undefined; // a failed chunk load is tried again next time
      throw error;
    });
  return loading;
}

/** The engine, loading its code first if needed. */
export async function loadDeviceSync(): Promise<SyncEngine> {
  const { deviceSync } = await loadModule();
  if (!engine) {
    engine = deviceSync();
    for (const listener of onLoad) listener();
    onLoad.clear();
  }
  return engine;
}

/** The engine if its code is already loaded, otherwise null (nothing has run yet). */
export function loadedDeviceSync(): SyncEngine | null {
  return engine;
}

/** Calls `listener` once the engine is loaded; returns how to cancel. */
export function onDeviceSyncLoaded(listener: () => void): () => void {
  onLoad.add(listener);
  return () => onLoad.delete(listener);
}

/** Asks for a sync run now (after a save, a fix, a tap on Sync now). */
export function kickSync(): void {
  loadDeviceSync()
    .then((sync) => sync.kick())
    .catch((error: unknown) => console.error("could not start a sync", error));
}

/** Starts the automatic sync triggers once the first screen is up; returns how to stop them. */
export function startDeviceSyncWhenIdle(whenIdle: (task: () => void) => () => void): () => void {
  let live = true;
  let stop: (() => void) | undefined;
  const cancel = whenIdle(() => {
    loadModule()
      .then(async (module) => {
        await loadDeviceSync();
        if (live) stop = module.startDeviceSync();
      })
      .catch((error: unknown) => console.error("could not load the sync engine", error));
  });
  return () => {
    live = false;
    cancel();
    stop?.();
  };
}
