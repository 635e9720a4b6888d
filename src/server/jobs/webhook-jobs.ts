// Webhooks go out within seconds of the change: every 2 s each instance fans the outbox out to
// deliveries and tries every due one (a receiver waiting a minute for a cron step would see the
// change late). Both steps claim rows with SKIP LOCKED and lease deliveries, so instances running
// at the same moment neither skip nor double-try a row; an event committed while every instance
// was down goes out when one starts again, since the outbox keeps it.
import "server-only";
import type { PgBoss } from "pg-boss";
import { config } from "../config";
import type { Db } from "../db";
import { deliverDueWebhooks, fanOutWebhookEvents } from "../webhooks/pipeline";
import { type RepeatingRound, startRepeatingRound } from "./repeating-round";

/** The once-a-minute pg-boss schedule of earlier versions, removed at start. */
const OLD_CRON_JOB = "webhooks-deliver";

/** Private/loopback targets are refused in production unless WEBHOOK_ALLOW_PRIVATE=true. */
export function webhooksMayReachPrivate(): boolean {
  const settings = config();
  return settings.NODE_ENV !== "production" || settings.WEBHOOK_ALLOW_PRIVATE;
}

type RunOptions = { stopped?: () => boolean; timeoutMs?: number; leaseMs?: number };

export async function runWebhooks(db: Db, options: RunOptions = {}) {
  const stopped = options.stopped ?? (() => false);
  const delivery = { allowPrivate: webhooksMayReachPrivate(), timeoutMs: options.timeoutMs, leaseMs: options.leaseMs };
  let events = 0;
  let tried = 0;
  for (let n; !stopped() && (n = await fanOutWebhookEvents(db)) > 0;) events += n;
  for (let n; !stopped() && (n = await deliverDueWebhooks(db, delivery)) > 0;) tried += n;
  return { events, tried };
}

/** `timeoutMs`/`leaseMs`: tests shorten a receiver's time and a dead worker's lease. */
export function startWebhookRunner(
  db: Db,
  options: { intervalMs?: number; timeoutMs?: number; leaseMs?: number } = {},
): RepeatingRound {
  const { intervalMs = 2000, timeoutMs, leaseMs } = options;
  return startRepeatingRound("webhook delivery", intervalMs, async (stopped) => {
    await runWebhooks(db, { stopped, timeoutMs, leaseMs });
  });
}

/** Starts this instance's runner, and drops the old minute schedule so no queued job waits unworked. */
export async function registerWebhookJobs(boss: PgBoss, options: { db: Db }): Promise<RepeatingRound> {
  await boss.unschedule(OLD_CRON_JOB).catch(() => {});
  await boss.deleteQueue(OLD_CRON_JOB).catch(() => {});
  return startWebhookRunner(options.db);
}
