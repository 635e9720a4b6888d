"use client";
import { useSyncExternalStore } from "react";
import { deviceSync } from "~/client/sync/device-sync";
import type { SyncStatus } from "~/client/sync/sync-engine";

let cached: SyncStatus | null = null;
const subscribe = (onChange: () => void) =>
  deviceSync().subscribe((status) => {
    cached = status;
    onChange();
  });
const snapshot = () => cached ?? deviceSync().status;

/** The device sync engine's progress and state, for the status bar. */
export function useSyncStatus(): SyncStatus | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
