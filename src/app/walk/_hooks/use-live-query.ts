"use client";
// A Dexie query kept up to date: re-runs whenever a table it read changes (any tab).
import { liveQuery } from "dexie";
import { useEffect, useRef, useState } from "react";

/**
 * `key` names what the query depends on; the query re-subscribes when it changes, and until the
 * new answer arrives the hook gives undefined, never the answer for the previous key (a form
 * keyed by a stale count would be drawn, then redrawn, losing what was put in it meanwhile).
 */
export function useLiveQuery<T>(query: () => Promise<T>, key: string): T | undefined {
  const [answer, setAnswer] = useState<{ key: string; value: T }>();
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  });
  useEffect(() => {
    const subscription = liveQuery(() => latest.current()).subscribe({
      next: (value) => setAnswer({ key, value }),
      error: (error: unknown) => console.error("device database query failed", error),
    });
    return () => subscription.unsubscribe();
  }, [key]);
  return answer?.key === key ? answer.value : undefined;
}
