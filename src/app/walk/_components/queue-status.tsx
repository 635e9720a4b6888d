"use client";
// The queue status bar: what is still on the device, how old, how much room it takes, and
// the progress of a running sync. An expired session says so and keeps everything.
import type { QueueStats } from "~/client/store/queue-stats";
import { kickSync } from "../_lib/lazy-device-sync";
import { useNow } from "../_hooks/use-now";
import { useOnline } from "../_hooks/use-online";
import { useStorageUse } from "../_hooks/use-storage-use";
import { useSyncStatus } from "../_hooks/use-sync-status";
import { ageText, bytesText } from "./format";

export function QueueStatus({ stats, sessionExpired }: { stats: QueueStats | undefined; sessionExpired: boolean }) {
  const status = useSyncStatus();
  const online = useOnline();
  const now = useNow();
  const storage = useStorageUse(`${stats?.unsynced}-${status?.phase}`);

  const running = status && status.phase !== "idle";
  const expired = sessionExpired || Boolean(status?.sessionExpired);
  const summary = !stats
    ? "Reading the queue…"
    : stats.unsynced === 0
      ? "Everything is synced"
      : `${stats.unsynced} unsynced item${stats.unsynced === 1 ? "" : "s"}${stats.oldestAt ? ` · oldest ${ageText(stats.oldestAt, now)}` : ""}`;

  return (
    <section aria-label="Sync status" className="syncbar card">
      <div className="syncbar-row">
        <p role="status" className="syncbar-summary">
          <strong>{summary}</strong>
          <span className="muted">
            {online ? "Online" : "Offline"}
            {storage ? ` · ${bytesText(storage.usedBytes)} stored` : ""}
            {status?.lastRunAt ? ` · last sync ${ageText(status.lastRunAt, now)}` : ""}
          </span>
        </p>
        <button
          type="button"
          className="secondary"
          disabled={!online || Boolean(running) || expired}
          onClick={kickSync}
        >
          {running ? "Syncing…" : "Sync now"}
        </button>
      </div>
      {/* Only with something to send: an empty run (every load) would open and close it, moving the screen. */}
      {running && status && status.records.total + status.bytes.total > 0 && (
        <div className="syncbar-progress">
          <progress aria-label="Sync progress" max={1} value={progressValue(status)} />
          <span className="muted">
            Records {status.records.sent}/{status.records.total} · files {bytesText(status.bytes.sent)} /{" "}
            {bytesText(status.bytes.total)}
          </span>
        </div>
      )}
      {expired && (
        <p role="alert" className="notice">
          Your session has ended. Your work stays on this device. <a href="/login?next=/walk">Sign in again</a> to send
          it.
        </p>
      )}
      {!expired && status?.lastError && status.lastError.code !== "OFFLINE" && stats && stats.unsynced > 0 && (
        <p className="muted">{status.lastError.message}</p>
      )}
    </section>
  );
}

function progressValue(status: NonNullable<ReturnType<typeof useSyncStatus>>): number {
  if (status.phase === "pushing") return status.records.total ? status.records.sent / status.records.total : 0;
  return status.bytes.total ? status.bytes.sent / status.bytes.total : 1;
}
