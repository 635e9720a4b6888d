"use client";
import { useSyncExternalStore } from "react";
import type { SyncStatus } from "~/client/sync/sync-engine";
import { loadedDeviceSync, onDeviceSyncLoaded } from "../_lib/lazy-device-sync";

let cached: SyncStatus | null = null;
const subscribe = (onChange: () => void) => {
  const listen = () =>
    loadedDeviceSync()!.subscribe((status) => {
      cached = status;
      onChange();
    });
  if (loadedDeviceSync()) return listen();
  // The engine loads just after the first screen (lazy-device-sync.ts): listen once it is there.
  let unsubscribe: (() => void) | undefined;
  const cancel = onDeviceSyncLoaded(() => (unsubscribe = listen()));
  return () => {
    cancel();
    unsubscribe?.();
  };
};
const snapshot = () => cached ?? loadedDeviceSync()?.status ?? null;

/** The device sync engine's progress and state, for the status bar; null until it is loaded. */
export function useSyncStatus(): SyncStatus | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
