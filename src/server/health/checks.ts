// What GET /api/health asks. Each part of the server registers its check here when it lands:
// the job queue (none yet) answers `configured: false`.
import "server-only";
import { type BlobStore, blobStore } from "../blobs";
import type { Db } from "../db";
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

export function serverHealthChecks(db: Db, store: BlobStore = blobStore()): HealthChecks {
  return {
    database: databaseCheck(db),
    blobStore: blobStoreCheck(store),
    jobQueue: NOT_CONFIGURED,
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
