"use client";
// New work appears on the manager's screen without reloading: manager.changesSince every few
// seconds, and a refetch of the lists only when something changed (see use-changes-poll.ts).
import { api } from "~/trpc/react";
import { FIRST_CHANGES_INPUT } from "../../_components/first-changes-input";
import { type LiveState, useChangesPoll } from "../../_components/use-changes-poll";
import { useRefreshLists } from "./use-refresh-lists";

export const POLL_MS = 4_000;

export function useQueueChanges(): LiveState {
  const utils = api.useUtils();
  const refresh = useRefreshLists();
  return useChangesPoll({
    pollMs: POLL_MS,
    firstCursor: utils.manager.changesSince.getData(FIRST_CHANGES_INPUT)?.cursor,
    check: (cursor) => utils.client.manager.changesSince.query({ cursor }),
    onChanged: refresh,
  });
}
