// Deletes a webhook with its deliveries and their log (cascade); audited with what it was.
import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { type WebhookScope, loadSubscriptionFor, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import type { ServiceContext } from "../../service-context";

/** `scope`: given by an API key (its customer's); else the acting user's. */
export async function deleteWebhook(db: Db, ctx: ServiceContext, input: { id: string }, scope?: WebhookScope) {
  scope ??= await webhookScopeOf(db, ctx.actor);
  await db.$transaction(async (tx) => {
    const row = await loadSubscriptionFor(tx, scope, input.id);
    await tx.webhookSubscription.delete({ where: { id: row.id } });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.delete",
      entityType: "WebhookSubscription",
      entityId: row.id,
      changes: {
        url: { before: row.url, after: null },
        events: { before: row.events, after: null },
        customerId: { before: row.customerId, after: null },
      },
    });
  });
  return { id: input.id };
}
