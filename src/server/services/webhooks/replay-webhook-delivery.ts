// Sends one delivery again now, with the same RS-Delivery id (receivers de-duplicate on it), and
// answers what the receiver said; if that try fails, retries continue for a fresh 24 h.
import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { webhooksMayReachPrivate } from "../../jobs/webhook-jobs";
import { WebhookDisabled } from "../../data/webhooks/webhook-errors";
import { WebhookNotFound, subscriptionsWithin, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import type { ServiceContext } from "../../service-context";
import { deliverNow, type DeliveryOutcome } from "../../webhooks/pipeline";

export async function replayWebhookDelivery(
  db: Db,
  ctx: ServiceContext,
  input: { deliveryId: string },
  options: { timeoutMs?: number } = {},
): Promise<DeliveryOutcome & { deliveryId: string }> {
  const scope = await webhookScopeOf(db, ctx.actor);
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: input.deliveryId, subscription: subscriptionsWithin(scope) },
    include: { subscription: { select: { enabled: true } } },
  });
  if (!delivery) throw new WebhookNotFound("No such delivery.");
  if (!delivery.subscription.enabled) throw new WebhookDisabled("This webhook is switched off: switch it on first.");
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", nextAttemptAt: new Date(), firstAttemptAt: null, deliveredAt: null },
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.replay",
      entityType: "WebhookDelivery",
      entityId: delivery.id,
      changes: { status: { before: delivery.status, after: "PENDING" } },
    });
  });
  const outcome = await deliverNow(db, delivery.id, { allowPrivate: webhooksMayReachPrivate(), ...options });
  // Null: a background worker took it in the same instant; it is being sent.
  return {
    deliveryId: delivery.id,
    ...(outcome ?? { status: "PENDING", statusCode: null, error: null, durationMs: 0 }),
  };
}
