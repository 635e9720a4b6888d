// What GET /api/health asks. Each part of the server registers its check here when it lands:
// the blob store (until then photo bytes live in the database, which its check covers) and the
// job queue (none yet) answer `configured: false`.
import "server-only";
import type { Db } from "../db";
import { type HealthChecks, type HealthReport, NOT_CONFIGURED, runHealthChecks } from "./registry";

/** One round trip, no table read. */
export const databaseCheck = (db: Db) => async () => {
  await db.$queryRaw`SELECT 1`;
};

export function serverHealthChecks(db: Db): HealthChecks {
  return {
    database: databaseCheck(db),
    blobStore: NOT_CONFIGURED,
    jobQueue: NOT_CONFIGURED,
  };
}

/** Without the database nothing works: its failure makes the server "down". */
export const ESSENTIAL_CHECKS = ["database"] as const;

export function serverHealth(db: Db, timeoutMs?: number): Promise<HealthReport> {
  return runHealthChecks(serverHealthChecks(db), ESSENTIAL_CHECKS, timeoutMs);
}

/** 200 when every part works, 503 otherwise (a load balancer stops sending requests). */
export async function healthResponse(db: Db, timeoutMs?: number): Promise<Response> {
  const report = await serverHealth(db, timeoutMs);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
