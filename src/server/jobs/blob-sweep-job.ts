// The daily orphan sweep of the blob store on the job queue (blobs/sweep-orphans.ts), at night in
// the business's time zone. A refusal (too many orphans to be crashes) is logged as an error for
// a person to look at; a missed or doubled run is harmless.
import "server-only";
import type { PgBoss } from "pg-boss";
import { blobStore } from "../blobs";
import { sweepOrphanBlobs } from "../blobs/sweep-orphans";
import type { Db } from "../db";
import { logger } from "../logging/logger";

export const BLOB_SWEEP_JOB = "blobs-orphan-sweep";
export const BLOB_SWEEP_CRON = "15 3 * * *";

export async function runBlobSweep(db: Db) {
  const report = await sweepOrphanBlobs(db, blobStore());
  if (report.refused) logger().error(report, "blob sweep refused: too many orphans to be crashes");
  else if (report.deletedBlobs + report.deletedPartials > 0) logger().warn(report, "blob sweep deleted orphan bytes");
  else logger().info(report, "blob sweep: no orphan bytes");
  return report;
}

export async function registerBlobSweepJob(
  boss: PgBoss,
  options: { db: Db; timeZone: string; pollingIntervalSeconds: number },
): Promise<void> {
  await boss.createQueue(BLOB_SWEEP_JOB);
  await boss.schedule(BLOB_SWEEP_JOB, BLOB_SWEEP_CRON, null, { tz: options.timeZone });
  await boss.work(BLOB_SWEEP_JOB, { pollingIntervalSeconds: options.pollingIntervalSeconds }, () =>
    runBlobSweep(options.db),
  );
}
