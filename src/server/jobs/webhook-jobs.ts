// Webhooks on the job queue: every minute (pg-boss cron's finest step) the outbox is fanned out
// to deliveries and every due delivery is tried. Both steps claim rows with SKIP LOCKED and lease
// deliveries, so overlapping runs on several instances neither skip nor double-try a row.
import "server-only";
import type { PgBoss } from "pg-boss";
import { config } from "../config";
import type { Db } from "../db";
import { deliverDueWebhooks, fanOutWebhookEvents } from "../webhooks/pipeline";

export const WEBHOOKS_JOB = "webhooks-deliver";
export const WEBHOOKS_CRON = "* * * * *";

/** Private/loopback targets are refused in production unless WEBHOOK_ALLOW_PRIVATE=true. */
export function webhooksMayReachPrivate(): boolean {
  const settings = config();
  return settings.NODE_ENV !== "production" || settings.WEBHOOK_ALLOW_PRIVATE;
}

export async function runWebhooks(db: Db): Promise<{ events: number; tried: number }> {
  let events = 0;
  let tried = 0;
  for (let n; (n = await fanOutWebhookEvents(db)) > 0;) events += n;
  for (let n; (n = await deliverDueWebhooks(db, { allowPrivate: webhooksMayReachPrivate() })) > 0;) tried += n;
  return { events, tried };
}

export async function registerWebhookJobs(
  boss: PgBoss,
  options: { db: Db; pollingIntervalSeconds: number },
): Promise<void> {
  await boss.createQueue(WEBHOOKS_JOB);
  await boss.schedule(WEBHOOKS_JOB, WEBHOOKS_CRON, null);
  await boss.work(WEBHOOKS_JOB, { pollingIntervalSeconds: options.pollingIntervalSeconds }, () =>
    runWebhooks(options.db),
  );
}
