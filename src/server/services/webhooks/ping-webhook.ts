// "Send test": a signed `ping` to the webhook now, kept in its delivery log like any delivery
// (replayable, retried if it fails), and what the receiver answered.
import "server-only";
import { randomUUID } from "node:crypto";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { webhooksMayReachPrivate } from "../../jobs/webhook-jobs";
import { WebhookDisabled } from "../../data/webhooks/webhook-errors";
import { loadSubscriptionFor, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import type { ServiceContext } from "../../service-context";
import { deliverNow, PING_EVENT } from "../../webhooks/pipeline";

export async function pingWebhook(
  db: Db,
  ctx: ServiceContext,
  input: { id: string },
  options: { timeoutMs?: number } = {},
) {
  const scope = await webhookScopeOf(db, ctx.actor);
  const sub = await loadSubscriptionFor(db, scope, input.id);
  if (!sub.enabled) throw new WebhookDisabled("This webhook is switched off: switch it on first.");
  const delivery = await db.$transaction(async (tx) => {
    const row = await tx.webhookDelivery.create({
      data: { subscriptionId: sub.id, eventId: randomUUID(), eventName: PING_EVENT, nextAttemptAt: new Date() },
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.ping",
      entityType: "WebhookSubscription",
      entityId: sub.id,
      changes: {},
    });
    return row;
  });
  const outcome = await deliverNow(db, delivery.id, { allowPrivate: webhooksMayReachPrivate(), ...options });
  return {
    deliveryId: delivery.id,
    ...(outcome ?? { status: "PENDING", statusCode: null, error: null, durationMs: 0 }),
  };
}
