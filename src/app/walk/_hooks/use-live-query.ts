"use client";
// A Dexie query kept up to date: re-runs whenever a table it read changes (any tab).
import { liveQuery } from "dexie";
import { useEffect, useRef, useState } from "react";

/** `key` names what the query depends on; the query re-subscribes when it changes. */
export function useLiveQuery<T>(query: () => Promise<T>, key: string): T | undefined {
  const [value, setValue] = useState<T>();
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  });
  useEffect(() => {
    const subscription = liveQuery(() => latest.current()).subscribe({
      next: setValue,
      error: (error: unknown) => console.error("device database query failed", error),
    });
    return () => subscription.unsubscribe();
  }, [key]);
  return value;
}
