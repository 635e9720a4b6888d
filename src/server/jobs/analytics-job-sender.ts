// How a sync asks the job queue to bring the analytics rollups up to date (analytics-jobs.ts).
// The queue leaves its sender on globalThis (as billing-job-sender.ts), so routes do not load
// pg-boss. Singleton jobs: a burst of syncs makes one refresh, not one each.
import "server-only";

type Sender = () => Promise<string | null>;
const store = globalThis as unknown as { rsSendAnalyticsRefresh?: Sender };

export function setAnalyticsRefreshSender(sender: Sender | undefined): void {
  store.rsSendAnalyticsRefresh = sender;
}

/** Queues a refresh when this process runs a queue; otherwise the next dashboard request refreshes. */
export function requestAnalyticsRefresh(): void {
  store.rsSendAnalyticsRefresh?.().catch(() => {
    /* a lost request only means the next dashboard request refreshes the rollups itself */
  });
}
