"use client";
// Live status: ask portal.changes every few seconds with the last cursor (only while the tab is
// visible), and refetch what the screen shows only when the server says something changed. A
// status change thus shows within POLL_MS plus one refetch, without a reload.
import { useEffect, useState } from "react";
import { api } from "~/trpc/react";

export const POLL_MS = 2_500;

export function usePortalChanges(): { checkedAt: Date | null; error: string | null } {
  const utils = api.useUtils();
  const [state, setState] = useState<{ checkedAt: Date | null; error: string | null }>({
    checkedAt: null,
    error: null,
  });
  useEffect(() => {
    let cursor: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // One check at a time: the next is scheduled only when this one has finished.
    const check = async () => {
      if (document.visibilityState !== "hidden") {
        try {
          const result = await utils.client.portal.changes.query({ cursor });
          // The first answer only sets the cursor: the lists were just loaded.
          if (result.changed && cursor !== undefined) await utils.invalidate();
          cursor = result.cursor;
          if (!stopped) setState({ checkedAt: new Date(), error: null });
        } catch (error) {
          if (!stopped) setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
        }
      }
      if (!stopped) timer = setTimeout(() => void check(), POLL_MS);
    };
    // Back to a hidden tab: check at once rather than after the pause.
    const onVisible = () => {
      if (document.visibilityState === "visible") {
        clearTimeout(timer);
        void check();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [utils]);
  return state;
}
