// Dexie and the device database's code (about 32 KB gzipped) are not needed to draw /walk's first
// screen: home draws the last answers of its queries, remembered on the device (remembered.ts),
// and the store (device-store.ts) loads at idle time right after, or at once when a tap needs it
// or nothing is remembered yet. Its live queries then take over (use-device-query.ts).
import { DEVICE_DB_NAME } from "~/client/store/db-name";
import type * as DeviceStoreModule from "./device-store";

export type DeviceStore = typeof DeviceStoreModule;

let loading: Promise<DeviceStore> | undefined;
let loaded: DeviceStore | null = null;
const onLoad = new Set<(store: DeviceStore) => void>();

/** The store, loading its code first if needed (a tap before idle time waits for it here). */
export function loadDeviceStore(): Promise<DeviceStore> {
  loading ??= import("./device-store").then(
    (store) => {
      loaded = store;
      for (const listener of onLoad) listener(store);
      onLoad.clear();
      return store;
    },
    (error: unknown) => {
      loading = undefined; // a failed chunk load is tried again next time
      throw error;
    },
  );
  return loading;
}

/** The store if its code is loaded, otherwise null. */
export function loadedDeviceStore(): DeviceStore | null {
  return loaded;
}

/** Calls `listener` once the store is loaded; returns how to cancel. */
export function onDeviceStoreLoaded(listener: (store: DeviceStore) => void): () => void {
  onLoad.add(listener);
  return () => onLoad.delete(listener);
}

let mayHoldData: Promise<boolean> | undefined;
let mayHoldDataAnswer: boolean | undefined;

/**
 * False only when the device database certainly does not exist yet (a first visit): home can
 * then draw the empty device's answers at once. True when it exists, or when the browser cannot
 * say (no indexedDB.databases()).
 */
export function deviceMayHoldData(): Promise<boolean> {
  mayHoldData ??= (async () => {
    try {
      if (typeof indexedDB.databases !== "function") return true;
      return (await indexedDB.databases()).some((db) => db.name === DEVICE_DB_NAME);
    } catch {
      return true;
    }
  })().then((answer) => (mayHoldDataAnswer = answer));
  return mayHoldData;
}

/**
 * True once deviceMayHoldData() has answered that the database does not exist yet: a component
 * drawn after that answer draws the empty device's answer in its first render, rather than one
 * render later (a frame in between would show it without that content, then move what is below).
 */
export function knownFirstVisit(): boolean {
  return mayHoldDataAnswer === false && !loaded;
}

/**
 * Runs `task` once the device is in use: at once when its database exists (or may), otherwise
 * when the store is first loaded (a first visit's Prepare or first tap). Background work on the
 * database (the sync engine, the other screens' code) waits for this: a first visit has nothing
 * to send or open, and the service worker's precache already keeps that code for offline use.
 * Returns how to cancel, including what `task` returned.
 */
export function whenDeviceInUse(task: () => (() => void) | void): () => void {
  let live = true;
  let cancelTask: (() => void) | void;
  let cancelWait: (() => void) | undefined;
  const run = () => {
    if (live && !cancelTask) cancelTask = task() ?? (() => {});
  };
  if (loaded) run();
  else
    void deviceMayHoldData().then((mayHold) => {
      if (!live) return;
      if (mayHold || loaded) run();
      else cancelWait = onDeviceStoreLoaded(run);
    });
  return () => {
    live = false;
    cancelWait?.();
    if (cancelTask) cancelTask();
  };
}

// Asked as soon as /walk's code runs rather than from home's first effect: the answer (a first
// IndexedDB access, about 100 ms on a slow phone) then comes while React hydrates the page, and a
// first visit draws its empty home that much sooner.
if (typeof window !== "undefined") void deviceMayHoldData();
