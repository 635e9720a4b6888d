// Where this process's job queue stands, for GET /api/health. On globalThis: the queue runs in
// the request hook's copy of the server modules, the health route in Next's bundle. Kept apart
// from job-queue.ts so the health route does not load pg-boss.
import "server-only";

export type QueueState = "starting" | "running" | "failed" | "stopped";

const globalForQueue = globalThis as unknown as { rsJobQueueState?: QueueState };

export function setQueueState(state: QueueState): void {
  globalForQueue.rsJobQueueState = state;
}

/** undefined when this process runs no queue (a script, a test calling services directly). */
export function queueState(): QueueState | undefined {
  return globalForQueue.rsJobQueueState;
}
