"use client";
// Says whether the screen is keeping itself up to date; owns the poll so only this line re-renders.
import { timeText } from "~/domain";
import { useQueueChanges } from "./use-queue-changes";

export function LiveStatus() {
  const live = useQueueChanges();
  if (live.error) {
    return (
      <p className="notice" role="status">
        Live updates paused: {live.error} Retrying…
      </p>
    );
  }
  return (
    <p className="muted live-status" role="status" aria-live="off">
      {live.checkedAt ? `Live · checked ${timeText(live.checkedAt)}` : "Connecting for live updates…"}
    </p>
  );
}
