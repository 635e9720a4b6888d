// The webhooks an actor manages: an admin's list holds business-wide and every customer's.
import "server-only";
import type { Db } from "../../db";
import { type WebhookScope, subscriptionsWithin, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import { webhookView, webhookViewSelect } from "../../data/webhooks/webhook-view";
import type { ServiceContext } from "../../service-context";

/** `scope`: given by an API key (its customer's); else the acting user's. */
export async function listWebhooks(db: Db, ctx: ServiceContext, scope?: WebhookScope) {
  scope ??= await webhookScopeOf(db, ctx.actor);
  const rows = await db.webhookSubscription.findMany({
    where: subscriptionsWithin(scope),
    select: webhookViewSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(webhookView);
}
