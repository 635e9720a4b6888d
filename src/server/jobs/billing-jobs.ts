// The billing queues on the app's job queue: an invoicing run ("invoice now" or the daily one),
// the daily invoicing at 01:00 business time, and the daily overdue reminders at 01:30. Reruns are
// harmless: invoiced repairs are no longer candidates and each reminder step is recorded once.
import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { loadActor } from "../auth/actor";
import { logger } from "../logging/logger";
import { runInvoicing } from "../services/billing/run-invoicing";
import { sendPaymentReminders } from "../services/billing/send-payment-reminders";
import { startInvoiceRun } from "../services/billing/start-invoice-run";
import { type InvoiceRunJob, setInvoiceRunSender } from "./billing-job-sender";

export const INVOICE_RUN_JOB = "invoice-run";
export const DAILY_INVOICING_JOB = "daily-invoicing";
export const DAILY_INVOICING_CRON = "0 1 * * *";
export const PAYMENT_REMINDERS_JOB = "payment-reminders";
export const PAYMENT_REMINDERS_CRON = "30 1 * * *";

export async function registerBillingJobs(
  boss: PgBoss,
  options: { db: Db; timeZone: string; pollingIntervalSeconds: number },
): Promise<void> {
  const { db, timeZone, pollingIntervalSeconds } = options;
  for (const name of [INVOICE_RUN_JOB, DAILY_INVOICING_JOB, PAYMENT_REMINDERS_JOB]) await boss.createQueue(name);
  await boss.schedule(DAILY_INVOICING_JOB, DAILY_INVOICING_CRON, null, { tz: timeZone });
  await boss.schedule(PAYMENT_REMINDERS_JOB, PAYMENT_REMINDERS_CRON, null, { tz: timeZone });
  // "Invoice now" wants an answer soon: this queue is polled every second.
  await boss.work<InvoiceRunJob>(INVOICE_RUN_JOB, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return null;
    const { runId, customerId, userId } = job.data;
    const actor = userId ? await loadActor(db, userId) : null;
    const ctx = actor ? { actor, origin: { ip: null, userAgent: null } } : null;
    const result = await runInvoicing(db, { ctx, runId, customerId: customerId ?? undefined });
    logger().info({ runId, ...result }, "invoicing run done");
    return result;
  });
  await boss.work(DAILY_INVOICING_JOB, { pollingIntervalSeconds }, async () => startInvoiceRun(db, null, {}));
  await boss.work(PAYMENT_REMINDERS_JOB, { pollingIntervalSeconds }, async () => {
    const result = await sendPaymentReminders(db);
    logger().info(result, "payment reminders recorded");
    return result;
  });
  setInvoiceRunSender((data) => boss.send(INVOICE_RUN_JOB, data));
}

export function unregisterBillingJobs(): void {
  setInvoiceRunSender(undefined);
}
