"use client";
// How much the device stores, refreshed when `changed` changes but at most every 20 s: the
// browser's estimate walks the origin's files (one per photo), so asking after every save would
// make each save on a long walk slower than the one before.
import { useEffect, useRef, useState } from "react";
import { type StorageUse, storageUse } from "~/client/sync/storage";

const EVERY_MS = 20_000;

export function useStorageUse(changed: unknown): StorageUse | null {
  const [use, setUse] = useState<StorageUse | null>(null);
  const lastAt = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, lastAt.current + EVERY_MS - Date.now());
    const timer = setTimeout(() => {
      lastAt.current = Date.now();
      void storageUse().then(setUse);
    }, wait);
    return () => clearTimeout(timer);
  }, [changed]);
  return use;
}
