// Analytics on the job queue: the rollups refreshed after syncs (a singleton job a minute at
// most) and nightly, and the units-at-risk check that raises UNIT_AT_RISK alerts, each morning.
// Both are safe to rerun (whole days recomputed; one alert per crossing).
import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { logger } from "../logging/logger";
import { refreshAnalyticsRollups } from "../data/analytics/rollups";
import { checkRiskAlerts } from "../services/analytics/check-risk-alerts";
import { setAnalyticsRefreshSender } from "./analytics-job-sender";

export const ANALYTICS_ROLLUP_JOB = "analytics-rollups";
export const UNIT_RISK_JOB = "unit-risk-alerts";
/** Nightly at 02:15 business time, and after syncs. */
export const ANALYTICS_ROLLUP_CRON = "15 2 * * *";
/** Each morning at 05:45, before the office plans the day's walks. */
export const UNIT_RISK_CRON = "45 5 * * *";

export async function registerAnalyticsJobs(
  boss: PgBoss,
  options: { db: Db; timeZone: string; pollingIntervalSeconds: number },
): Promise<void> {
  const { db, timeZone, pollingIntervalSeconds } = options;
  await boss.createQueue(ANALYTICS_ROLLUP_JOB);
  await boss.createQueue(UNIT_RISK_JOB);
  await boss.schedule(ANALYTICS_ROLLUP_JOB, ANALYTICS_ROLLUP_CRON, null, { tz: timeZone });
  await boss.schedule(UNIT_RISK_JOB, UNIT_RISK_CRON, null, { tz: timeZone });
  await boss.work(ANALYTICS_ROLLUP_JOB, { pollingIntervalSeconds }, async () => {
    const result = await refreshAnalyticsRollups(db, timeZone);
    if (result.days) logger().info(result, "analytics rollups refreshed");
    return result;
  });
  await boss.work(UNIT_RISK_JOB, { pollingIntervalSeconds }, async () => {
    const result = await checkRiskAlerts(db);
    logger().info(result, "units at risk checked");
    return result;
  });
  setAnalyticsRefreshSender(() => boss.send(ANALYTICS_ROLLUP_JOB, null, { singletonSeconds: 60 }));
}

export function unregisterAnalyticsJobs(): void {
  setAnalyticsRefreshSender(undefined);
}
