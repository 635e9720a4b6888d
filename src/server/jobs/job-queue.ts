// The job queue: pg-boss on the app's own PostgreSQL (its tables in the "pgboss" schema), its
// statements run on the app's pool, never a pool of its own: the embedded PGlite serves one
// connection. Never send a job inside a transaction on that pool: with one connection the send
// waits for the transaction, which waits for the send.
// Billing's queues (invoicing runs, daily invoicing, overdue reminders) are in billing-jobs.ts.
// Generating the walks of every customer's schedule, daily at 00:10 in
// the business's time zone (generate-scheduled-walks.ts; its reruns change nothing, so a missed
// or doubled run is harmless). Several instances may run it: pg-boss hands each run to one.
// The daily points check and the blob store's orphan sweep register their own queues
// (points-check-job.ts, blob-sweep-job.ts); in-app notifications are
// fanned out from the outbox every few seconds (notification-fan-out.ts), webhooks every 2 s
// (webhook-jobs.ts).
import "server-only";
import { PgBoss } from "pg-boss";
import type pg from "pg";
import type { Db } from "../db";
import { logger } from "../logging/logger";
import { generateScheduledWalks } from "../services/planning/generate-scheduled-walks";
import { registerAnalyticsJobs, unregisterAnalyticsJobs } from "./analytics-jobs";
import { registerBillingJobs, unregisterBillingJobs } from "./billing-jobs";
import { registerBlobSweepJob } from "./blob-sweep-job";
import { startNotificationDelivery } from "./notification-delivery";
import { startNotificationFanOut } from "./notification-fan-out";
import { registerPointsCheckJob } from "./points-check-job";
import { registerQualityJobs } from "./quality-jobs";
import { registerWebhookJobs } from "./webhook-jobs";
import { setQueueState } from "./queue-state";

export const GENERATE_WALKS_JOB = "generate-scheduled-walks";
/** Daily, just after midnight: the horizon moves on by one day. */
export const GENERATE_WALKS_CRON = "10 0 * * *";

export type JobQueue = {
  boss: PgBoss;
  /** Asks for a generation now (the daily job's work, off the request). */
  generateSoon(): Promise<string | null>;
  stop(): Promise<void>;
};

export async function startJobQueue(options: {
  db: Db;
  pool: pg.Pool;
  timeZone: string;
  /** How often an idle worker looks for work; a daily job needs no hurry. */
  pollingIntervalSeconds?: number;
}): Promise<JobQueue> {
  const { db, pool, timeZone, pollingIntervalSeconds = 30 } = options;
  let fanOut: { stop(): Promise<void> } | null = null;
  let webhooks: { stop(): Promise<void> } | null = null;
  let delivery: { stop(): Promise<void> } | null = null;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values as unknown[]) },
    schedule: true,
    supervise: true,
    migrate: true,
  });
  boss.on("error", (error: unknown) => logger().error({ err: error }, "job queue error"));
  setQueueState("starting");
  try {
    await boss.start();
    await boss.createQueue(GENERATE_WALKS_JOB);
    await boss.schedule(GENERATE_WALKS_JOB, GENERATE_WALKS_CRON, null, { tz: timeZone });
    await boss.work(GENERATE_WALKS_JOB, { pollingIntervalSeconds }, async () => {
      const result = await generateScheduledWalks(db);
      logger().info(result, "generated walks from schedules");
      return result;
    });
    await registerBillingJobs(boss, { db, timeZone, pollingIntervalSeconds });
    await registerPointsCheckJob(boss, { db, timeZone, pollingIntervalSeconds });
    await registerBlobSweepJob(boss, { db, timeZone, pollingIntervalSeconds });
    await registerAnalyticsJobs(boss, { db, timeZone, pollingIntervalSeconds });
    await registerQualityJobs(boss, { db, timeZone, pollingIntervalSeconds });
    fanOut = startNotificationFanOut(db);
    webhooks = await registerWebhookJobs(boss, { db });
    delivery = startNotificationDelivery(db);
  } catch (error) {
    setQueueState("failed");
    throw error;
  }
  setQueueState("running");
  return {
    boss,
    generateSoon: () => boss.send(GENERATE_WALKS_JOB, null),
    async stop() {
      setQueueState("stopped");
      unregisterBillingJobs();
      unregisterAnalyticsJobs();
      await fanOut?.stop();
      await webhooks?.stop();
      await delivery?.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
