// Switches a webhook off or on. Switching on starts its failure count again (a subscription
// disabled after 20 failures comes back with a clean slate); deliveries that failed meanwhile
// stay in the log, replayable.
import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { loadSubscriptionFor, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import { webhookView, webhookViewSelect } from "../../data/webhooks/webhook-view";
import type { ServiceContext } from "../../service-context";

export async function setWebhookEnabled(db: Db, ctx: ServiceContext, input: { id: string; enabled: boolean }) {
  const scope = await webhookScopeOf(db, ctx.actor);
  return db.$transaction(async (tx) => {
    const before = await loadSubscriptionFor(tx, scope, input.id);
    const row = await tx.webhookSubscription.update({
      where: { id: before.id },
      data: input.enabled
        ? { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null }
        : { enabled: false, disabledAt: new Date(), disabledReason: `switched off by ${ctx.actor.name}` },
      select: webhookViewSelect,
    });
    if (before.enabled !== input.enabled) {
      await writeAudit(tx, {
        actor: { userId: ctx.actor.userId, email: ctx.actor.email },
        origin: ctx.origin,
        action: input.enabled ? "webhook.enable" : "webhook.disable",
        entityType: "WebhookSubscription",
        entityId: before.id,
        changes: { enabled: { before: before.enabled, after: input.enabled } },
      });
    }
    return webhookView(row);
  });
}
