"use client";
// Live status of the portal: portal.changes every few seconds while the tab is visible, and a
// refetch of what the screen shows only when something changed (see use-changes-poll.ts). A status
// change thus shows within POLL_MS plus one refetch, without a reload.
import { api } from "~/trpc/react";
import { FIRST_CHANGES_INPUT } from "../../_components/first-changes-input";
import { type LiveState, useChangesPoll } from "../../_components/use-changes-poll";

export const POLL_MS = 2_500;

export function usePortalChanges(): LiveState {
  const utils = api.useUtils();
  return useChangesPoll({
    pollMs: POLL_MS,
    firstCursor: utils.portal.changes.getData(FIRST_CHANGES_INPUT)?.cursor,
    check: (cursor) => utils.client.portal.changes.query({ cursor }),
    onChanged: () => utils.invalidate(),
  });
}
