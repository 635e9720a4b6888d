// The delivery worker: takes due deliveries (FOR UPDATE SKIP LOCKED, then a lease: several app
// instances never take the same one), renders and sends each through its channel, and marks it
// in one small UPDATE right after the provider answered. A failure is retried with backoff
// (delivery-retry.ts) and dead-lettered (FAILED) after the last try or a permanent refusal.
// A channel without a provider (no SMTP_URL, no SMS_URL, no phone) keeps the message (KEPT).
import "server-only";
import { nextAttemptDelayMs } from "~/domain/delivery-retry";
import {
  type DeliveryToRender,
  type RenderFacts,
  loadRenderFacts,
  renderDelivery,
} from "../../data/notifications/render-delivery";
import type { Db } from "../../db";
import { PermanentDeliveryError, type SendResult } from "../../notifications/channel";
import { sendOn } from "../../notifications/channel-registry";

/** Longer than a send's longest try (connection 10 s + greeting 10 s + socket 30 s). */
export const DELIVERY_LEASE_MS = 120_000;

export type DeliverOptions = {
  now?: () => Date;
  /** Deliveries taken per round. */
  batch?: number;
  /** Sends in flight at once (the SMTP pool keeps 3 connections). */
  concurrency?: number;
};

export type DeliverResult = { taken: number; sent: number; kept: number; retried: number; failed: number };

type Claimed = Omit<DeliveryToRender, "user"> & { userId: string; attempts: number };

const CHANNELS = new Set(["EMAIL", "SMS", "PUSH"]);

/** One round: takes up to `batch` due deliveries and tries each once. */
export async function deliverDueNotifications(db: Db, options: DeliverOptions = {}): Promise<DeliverResult> {
  const now = options.now ?? (() => new Date());
  const at = now();
  // The batch closes (batch = id): the fan-out adds no more events to a delivery being sent.
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT id FROM "NotificationDelivery" WHERE status = 'PENDING' AND "nextAttemptAt" <= ${at}
      ORDER BY "nextAttemptAt" LIMIT ${options.batch ?? 100} FOR UPDATE SKIP LOCKED)
    UPDATE "NotificationDelivery" d SET batch = d.id::text, "nextAttemptAt" = ${new Date(at.getTime() + DELIVERY_LEASE_MS)}
    FROM due WHERE d.id = due.id
    RETURNING d.id, d."userId", d.channel, d.audience, d."eventType", d."eventIds", d.frequency, d.attempts`;
  const result: DeliverResult = { taken: claimed.length, sent: 0, kept: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return result;
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(claimed.map((c) => c.userId))] } },
    select: { id: true, name: true, email: true, phone: true },
  });
  const userOf = new Map(users.map((u) => [u.id, u]));
  const facts = await loadRenderFacts(db, claimed);
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      const outcome = await tryDelivery(db, facts, delivery, userOf.get(delivery.userId), now);
      result[outcome] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
  return result;
}

async function tryDelivery(
  db: Db,
  facts: RenderFacts,
  delivery: Claimed,
  user: DeliveryToRender["user"] | undefined,
  now: () => Date,
): Promise<"sent" | "kept" | "retried" | "failed"> {
  const attempts = delivery.attempts + 1;
  let subject: string | null = null;
  let body: string | null = null;
  let answer: SendResult;
  try {
    if (!user) throw new PermanentDeliveryError("the recipient no longer exists");
    if (!CHANNELS.has(delivery.channel)) throw new PermanentDeliveryError(`unknown channel ${delivery.channel}`);
    const message = renderDelivery(facts, { ...delivery, user });
    subject = message.subject;
    body = message.text;
    answer =
      delivery.channel === "SMS" && !user.phone
        ? { outcome: "kept" }
        : await sendOn(delivery.channel as "EMAIL" | "SMS" | "PUSH", message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const delay = error instanceof PermanentDeliveryError ? null : nextAttemptDelayMs(attempts);
    await db.notificationDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts,
        lastError: reason.slice(0, 1000),
        subject,
        body,
        ...(delay === null
          ? { status: "FAILED" }
          : { status: "PENDING", nextAttemptAt: new Date(now().getTime() + delay) }),
      },
    });
    return delay === null ? "failed" : "retried";
  }
  // Right after the provider's answer, alone: the window where a crash sends it twice stays milliseconds.
  await db.notificationDelivery.update({
    where: { id: delivery.id },
    data: {
      attempts,
      subject,
      body,
      status: answer.outcome === "sent" ? "SENT" : "KEPT",
      sentAt: answer.outcome === "sent" ? now() : null,
      lastError: answer.outcome === "kept" && delivery.channel === "SMS" && !user.phone ? "no phone number" : null,
    },
  });
  return answer.outcome === "sent" ? "sent" : "kept";
}
