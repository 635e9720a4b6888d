import "server-only";
import { type EventType, webhookEventName } from "~/domain/events";
import { WEBHOOK_DISABLE_AFTER_FAILURES, webhookRetryAt } from "~/domain/webhooks";
import { recordEvents } from "../data/events/record-event";
import type { Db } from "../db";
import { logger } from "../logging/logger";
import { postWebhook } from "./post";
import { signWebhook } from "./signature";

/** How long a claimed delivery is left alone by other instances while it is being tried. */
const LEASE_MS = 60_000;
const BATCH = 50;
const RECORD_TRANSACTION = { maxWait: 60_000, timeout: 30_000 };

type ClaimedEvent = { id: string; type: string; customerId: string | null };

/**
 * Takes outbox rows no webhook fan-out has taken yet and makes one delivery per matching enabled
 * subscription (a customer's subscriptions only for that customer's events), in one transaction:
 * a crash leaves the rows unclaimed, and unique(subscription, event) keeps a re-run harmless.
 */
export async function fanOutWebhookEvents(db: Db): Promise<number> {
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<ClaimedEvent[]>`
      SELECT id, type, "customerId" FROM "DomainEvent"
      WHERE "webhooksAt" IS NULL ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return 0;
    const subscriptions = await tx.webhookSubscription.findMany({ where: { enabled: true } });
    const rows = events.flatMap((event) => {
      const name = webhookEventName(event.type as EventType);
      if (!name) return [];
      return subscriptions
        .filter((s) => s.events.includes(name) && (s.customerId === null || s.customerId === event.customerId))
        .map((s) => ({ subscriptionId: s.id, eventId: event.id, eventName: name }));
    });
    if (rows.length > 0) await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
    await tx.domainEvent.updateMany({
      where: { id: { in: events.map((e) => e.id) } },
      data: { webhooksAt: new Date() },
    });
    return events.length;
  });
}

/** What a receiver gets: {id, type, occurredAt, data}. */
export function webhookBody(
  event: {
    id: string;
    occurredAt: Date;
    customerId: string | null;
    repairId: string | null;
    invoiceId: string | null;
    walkId: string | null;
    payload: unknown;
  },
  name: string,
): string {
  const data = {
    customerId: event.customerId,
    repairId: event.repairId,
    walkId: event.walkId,
    invoiceId: event.invoiceId,
    ...(typeof event.payload === "object" && event.payload !== null ? event.payload : {}),
  };
  return JSON.stringify({ id: event.id, type: name, occurredAt: event.occurredAt.toISOString(), data });
}

export type DeliveryOptions = {
  allowPrivate: boolean;
  now?: () => Date;
  /** Tests shorten the receiver's time to answer (WEBHOOK_TIMEOUT_MS otherwise). */
  timeoutMs?: number;
  /** How long a claimed delivery is left to its worker; must exceed timeoutMs (tests shorten both). */
  leaseMs?: number;
};

/**
 * Tries every due delivery once. Each is leased first (nextAttemptAt pushed ahead in a short
 * transaction with SKIP LOCKED) so two instances never try it at the same moment; the POSTs run
 * outside any transaction, all of a batch at once, so one hanging receiver delays nobody else and
 * the batch ends within one timeout, well inside the lease. Returns the number tried.
 */
export async function deliverDueWebhooks(db: Db, options: DeliveryOptions): Promise<number> {
  const now = options.now ?? (() => new Date());
  const claimed = await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now()}
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (due.length > 0) {
      await tx.webhookDelivery.updateMany({
        where: { id: { in: due.map((d) => d.id) } },
        data: { nextAttemptAt: new Date(now().getTime() + (options.leaseMs ?? LEASE_MS)) },
      });
    }
    return due.map((d) => d.id);
  });
  const results = await Promise.allSettled(claimed.map((id) => tryDelivery(db, id, options)));
  for (const result of results) {
    // Left leased: tried again once its lease ends, with the same RS-Delivery.
    if (result.status === "rejected") logger().error({ err: result.reason }, "webhook delivery could not be recorded");
  }
  return claimed.length;
}

/** What one try of a delivery gave, for a screen that asked for it (test ping, replay). */
export type DeliveryOutcome = {
  status: "DELIVERED" | "PENDING" | "FAILED";
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

/**
 * Leases one delivery and tries it now (a replay, a test ping asked for on a screen). Null when
 * another worker holds it at this moment (it is being tried already).
 */
export async function deliverNow(db: Db, id: string, options: DeliveryOptions): Promise<DeliveryOutcome | null> {
  const now = options.now ?? (() => new Date());
  const leased = await db.webhookDelivery.updateMany({
    where: { id, status: "PENDING", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now() } }] },
    data: { nextAttemptAt: new Date(now().getTime() + (options.leaseMs ?? LEASE_MS)) },
  });
  if (leased.count === 0) return null;
  return tryDelivery(db, id, options);
}

/** The body of a test ping: no event behind it, the subscription's id as its data. */
export const PING_EVENT = "ping";

async function tryDelivery(db: Db, id: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const now = options.now ?? (() => new Date());
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { subscription: true } });
  const sub = delivery.subscription;
  const stop = async (lastError: string): Promise<DeliveryOutcome> => {
    await db.webhookDelivery.update({ where: { id }, data: { status: "FAILED", lastError, nextAttemptAt: null } });
    return { status: "FAILED", statusCode: null, error: lastError, durationMs: 0 };
  };
  if (!sub.enabled) return stop("subscription disabled");
  const event = await db.domainEvent.findUnique({ where: { id: delivery.eventId } });
  let body: string;
  if (event) body = webhookBody(event, delivery.eventName);
  else if (delivery.eventName === PING_EVENT) {
    body = JSON.stringify({
      id: delivery.eventId,
      type: PING_EVENT,
      occurredAt: delivery.createdAt.toISOString(),
      data: { subscriptionId: sub.id },
    });
  } else return stop("the event no longer exists");
  const startedAt = now();
  const attempt = await postWebhook({
    url: sub.url,
    body,
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs,
    headers: {
      "RS-Event": delivery.eventName,
      "RS-Delivery": delivery.id,
      "RS-Signature": signWebhook(sub.secret, Math.floor(startedAt.getTime() / 1000), body),
    },
  });
  const at = now();
  const attempts = delivery.attempts + 1;
  const firstAttemptAt = delivery.firstAttemptAt ?? startedAt;
  const retryAt = attempt.ok ? null : webhookRetryAt(firstAttemptAt, attempts, at);
  const status = attempt.ok ? "DELIVERED" : retryAt ? "PENDING" : "FAILED";
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: id,
        at,
        statusCode: attempt.statusCode,
        error: attempt.error,
        durationMs: attempt.durationMs,
      },
    });
    await tx.webhookDelivery.update({
      where: { id },
      data: {
        attempts,
        firstAttemptAt,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error,
        lastDurationMs: attempt.durationMs,
        status,
        nextAttemptAt: attempt.ok ? null : retryAt,
        deliveredAt: attempt.ok ? at : null,
      },
    });
    if (attempt.ok) {
      // Only a subscription that was failing is written: a burst of successes to one receiver
      // does not queue its transactions behind that row's lock.
      await tx.webhookSubscription.updateMany({
        where: { id: sub.id, consecutiveFailures: { gt: 0 } },
        data: { consecutiveFailures: 0 },
      });
      return;
    }
    const updated = await tx.webhookSubscription.update({
      where: { id: sub.id },
      data: { consecutiveFailures: { increment: 1 } },
    });
    if (updated.enabled && updated.consecutiveFailures >= WEBHOOK_DISABLE_AFTER_FAILURES) {
      const reason = `${updated.consecutiveFailures} failed deliveries in a row (last: ${attempt.error ?? "failure"})`;
      await tx.webhookSubscription.update({
        where: { id: sub.id },
        data: { enabled: false, disabledAt: at, disabledReason: reason },
      });
      // The owner is told through the notification pipeline (the subscription's customer, or admins).
      await recordEvents(tx, [
        {
          type: "WEBHOOK_DISABLED",
          customerId: sub.customerId,
          actorUserId: null,
          payload: { subscriptionId: sub.id, url: sub.url, reason, createdById: sub.createdById },
        },
      ]);
    }
    // A whole batch records at once on a small pool (one connection on the embedded database):
    // waiting for a connection is expected, and must not fail the record of a sent delivery.
  }, RECORD_TRANSACTION);
  return { status, statusCode: attempt.statusCode, error: attempt.error, durationMs: attempt.durationMs };
}

/** Sends a delivery again, with the same RS-Delivery id, and a fresh 24 h retry window. */
export async function replayWebhookDelivery(db: Db, id: string): Promise<void> {
  await db.webhookDelivery.update({
    where: { id },
    data: { status: "PENDING", nextAttemptAt: new Date(), firstAttemptAt: null, deliveredAt: null },
  });
}
