"use client";
import { useCallback } from "react";
import { api } from "~/trpc/react";

/** Refetches every list of the manager's screen (after a decision here, or a change seen by the poll). */
export function useRefreshLists() {
  const utils = api.useUtils();
  return useCallback(
    () =>
      Promise.all([utils.manager.invalidate(), utils.repair.list.invalidate(), utils.session.me.invalidate()]).then(
        () => undefined,
      ),
    [utils],
  );
}
