"use client";
// New work appears without reloading: ask manager.changesSince every few seconds with the last
// cursor, and refetch the lists only when the server says something changed.
import { useEffect, useState } from "react";
import { api } from "~/trpc/react";
import { useRefreshLists } from "./use-refresh-lists";

export const POLL_MS = 4_000;

export type LiveState = { checkedAt: Date | null; error: string | null };

export function useQueueChanges(): LiveState {
  const utils = api.useUtils();
  const refresh = useRefreshLists();
  const [state, setState] = useState<LiveState>({ checkedAt: null, error: null });

  useEffect(() => {
    let cursor: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // One check at a time: the next is scheduled only when this one has finished.
    const check = async () => {
      if (document.visibilityState !== "hidden") {
        try {
          const result = await utils.client.manager.changesSince.query({ cursor });
          // The first answer only sets the cursor: the lists were just loaded.
          if (result.changed && cursor !== undefined) await refresh();
          cursor = result.cursor;
          if (!stopped) setState({ checkedAt: new Date(), error: null });
        } catch (error) {
          if (!stopped) setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
        }
      }
      if (!stopped) timer = setTimeout(() => void check(), POLL_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [utils, refresh]);

  return state;
}
