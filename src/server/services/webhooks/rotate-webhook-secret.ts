// A new signing secret for a webhook, answered once. Deliveries are signed when they are sent,
// so every try from now on (retries of older events included) carries the new signature.
import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { loadSubscriptionFor, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import type { ServiceContext } from "../../service-context";
import { newWebhookSecret } from "../../webhooks/signature";

export async function rotateWebhookSecret(db: Db, ctx: ServiceContext, input: { id: string }) {
  const scope = await webhookScopeOf(db, ctx.actor);
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const row = await loadSubscriptionFor(tx, scope, input.id);
    await tx.webhookSubscription.update({ where: { id: row.id }, data: { secret } });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.rotate_secret",
      entityType: "WebhookSubscription",
      entityId: row.id,
      changes: { secret: { before: "(previous)", after: "(new)" } },
    });
  });
  return { id: input.id, secret };
}
