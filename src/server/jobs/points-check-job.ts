// The daily points check on the job queue (points-check.ts): completed repairs without their
// reward points are counted for the admin's banner and logged. Reruns change nothing but the
// time of the last check, so a missed or doubled run is harmless.
import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { runPointsCheck } from "../services/rewards/points-check";

export const POINTS_CHECK_JOB = "rewards-points-check";
/** Daily, early morning in the business's time zone, before the office opens. */
export const POINTS_CHECK_CRON = "30 5 * * *";

export async function registerPointsCheckJob(
  boss: PgBoss,
  options: { db: Db; timeZone: string; pollingIntervalSeconds: number },
): Promise<void> {
  await boss.createQueue(POINTS_CHECK_JOB);
  await boss.schedule(POINTS_CHECK_JOB, POINTS_CHECK_CRON, null, { tz: options.timeZone });
  await boss.work(POINTS_CHECK_JOB, { pollingIntervalSeconds: options.pollingIntervalSeconds }, () =>
    runPointsCheck(options.db),
  );
}
