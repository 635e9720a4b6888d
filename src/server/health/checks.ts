// What GET /api/health asks. Each part of the server registers its check here when it lands.
// The job queue answers `configured: false` in a process that runs none (scripts, tests).
import "server-only";
import { type BlobStore, blobStore } from "../blobs";
import type { Db } from "../db";
import { queueState } from "../jobs/queue-state";
import { type HealthChecks, type HealthReport, NOT_CONFIGURED, runHealthChecks } from "./registry";

/** One round trip, no table read. */
export const databaseCheck = (db: Db) => async () => {
  await db.$queryRaw`SELECT 1`;
};

/**
 * One cheap look (a stat of the folder, a HEAD on the bucket): a missing or read-only folder, an
 * unreachable bucket or refused credentials fail it.
 */
export const blobStoreCheck = (store: BlobStore) => async () => {
  await store.probe();
};

/**
 * Fails when the queue could not start or was stopped. Starting counts as working: pg-boss takes
 * several seconds to start on the embedded database, and a missed minute of a daily job is harmless.
 */
export const jobQueueCheck = () => async () => {
  const state = queueState();
  if (state !== "starting" && state !== "running") throw new Error(`job queue ${state}`);
};

export function serverHealthChecks(db: Db, store: BlobStore = blobStore()): HealthChecks {
  return {
    database: databaseCheck(db),
    blobStore: blobStoreCheck(store),
    jobQueue: queueState() === undefined ? NOT_CONFIGURED : jobQueueCheck(),
  };
}

/** Without the database nothing works: its failure makes the server "down". */
export const ESSENTIAL_CHECKS = ["database"] as const;

export function serverHealth(db: Db, timeoutMs?: number, store?: BlobStore): Promise<HealthReport> {
  return runHealthChecks(serverHealthChecks(db, store), ESSENTIAL_CHECKS, timeoutMs);
}

/** 200 when every part works, 503 otherwise (a load balancer stops sending requests). */
export async function healthResponse(db: Db, timeoutMs?: number, store?: BlobStore): Promise<Response> {
  const report = await serverHealth(db, timeoutMs, store);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
