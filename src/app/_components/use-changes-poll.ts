"use client";
// Office screens keep themselves current without a reload: every few seconds they ask the server
// whether anything changed since the last cursor, and refresh their lists only when it did.
//
// The page's HTML carries the cursor of the moment it was drawn (the page prefetches the check
// with its lists), so the first question waits a whole pause instead of running while the screen
// starts up, and a change made between drawing and hydrating is still seen. Without one (a
// client-side navigation), the first answer only sets the cursor. One check at a time; a hidden
// tab is not asked, and is asked at once when it is shown again.
import { useEffect, useEffectEvent, useState } from "react";

export type ChangesAnswer = { changed: boolean; cursor: string };
export type LiveState = { checkedAt: Date | null; error: string | null };

type Options = {
  pollMs: number;
  /** The cursor that came with the page's data, if it did. */
  firstCursor: string | undefined;
  check: (cursor: string | undefined) => Promise<ChangesAnswer>;
  onChanged: () => Promise<unknown>;
};

export function useChangesPoll({ pollMs, firstCursor, check, onChanged }: Options): LiveState {
  const [state, setState] = useState<LiveState>({ checkedAt: null, error: null });
  // The latest callbacks, without restarting the poll when a parent passes new ones.
  const ask = useEffectEvent(check);
  const refresh = useEffectEvent(onChanged);
  const [startCursor] = useState(firstCursor);

  useEffect(() => {
    let cursor = startCursor;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const run = async () => {
      if (document.visibilityState !== "hidden") {
        try {
          const result = await ask(cursor);
          if (result.changed && cursor !== undefined) await refresh();
          cursor = result.cursor;
          if (!stopped) setState({ checkedAt: new Date(), error: null });
        } catch (error) {
          if (!stopped) setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
        }
      }
      if (!stopped) timer = setTimeout(() => void run(), pollMs);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") {
        clearTimeout(timer);
        void run();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    if (cursor === undefined) void run();
    else timer = setTimeout(() => void run(), pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [pollMs, startCursor]);

  return state;
}
