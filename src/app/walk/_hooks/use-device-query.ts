"use client";
// How /walk's first screen reads the device database without Dexie in its first load: a query
// over the lazily loaded store (src/app/walk/_lib/lazy-device-store.ts), kept up to date like
// useLiveQuery once the store is there. With `remember`, the last answer is kept on the device
// and drawn at once on the next visit, until the live query answers (the same data, drawn the
// same way: nothing moves). With `empty`, a first visit (no device database yet) draws that
// answer at once instead of waiting for the store.
import { useEffect, useRef, useState } from "react";
import {
  type DeviceStore,
  deviceMayHoldData,
  knownFirstVisit,
  loadDeviceStore,
  loadedDeviceStore,
  onDeviceStoreLoaded,
} from "../_lib/lazy-device-store";
import { recall, remember as keep } from "../_lib/remembered";

export type DeviceQueryOptions<T> = {
  /** Storage name of the last answer (with a version: change it when the answer's shape changes). */
  remember?: string;
  /** The answer on a device without a database (first visit). */
  empty?: T;
};

/** `key` names what the query depends on; the query re-subscribes when it changes. */
export function useDeviceQuery<T>(
  query: (store: DeviceStore) => Promise<T>,
  key: string,
  options: DeviceQueryOptions<T> = {},
): T | undefined {
  const { remember } = options;
  const [value, setValue] = useState<T | undefined>(() => {
    const recalled = remember ? recall<T>(remember) : undefined;
    return recalled === undefined && knownFirstVisit() ? options.empty : recalled;
  });
  const latest = useRef({ query, empty: options.empty, hasValue: value !== undefined });
  useEffect(() => {
    latest.current = { query, empty: options.empty, hasValue: value !== undefined };
  });

  useEffect(() => {
    let live = true;
    let subscription: { unsubscribe(): void } | undefined;
    const subscribe = (store: DeviceStore) => {
      if (!live) return;
      subscription = store
        .liveQuery(() => latest.current.query(store))
        .subscribe({
          next: (answer) => {
            setValue(answer);
            if (remember) keep(remember, answer);
          },
          error: (error: unknown) => console.error("device database query failed", error),
        });
    };
    const store = loadedDeviceStore();
    if (store) {
      subscribe(store);
      return () => {
        live = false;
        subscription?.unsubscribe();
      };
    }
    const cancel = onDeviceStoreLoaded(subscribe);
    // Nothing to draw yet: a first visit draws the empty answer; otherwise the store loads now.
    if (!latest.current.hasValue)
      void deviceMayHoldData().then((mayHold) => {
        if (!live) return;
        const { empty } = latest.current;
        if (mayHold || empty === undefined) loadDeviceStore().catch((error: unknown) => console.error(error));
        else setValue((current) => current ?? empty);
      });
    return () => {
      live = false;
      cancel();
      subscription?.unsubscribe();
    };
  }, [key, remember]);
  return value;
}
