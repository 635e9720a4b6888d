// A new webhook subscription: the URL checked (shape; in production, no private target), the
// events chosen from the webhook names, a secret generated and answered once (only the server
// keeps it, to sign). Audited without the secret.
import "server-only";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { webhooksMayReachPrivate } from "../../jobs/webhook-jobs";
import { createWebhookInput, type CreateWebhookInput } from "../../data/webhooks/webhook-inputs";
import {
  InvalidWebhookUrl,
  WebhookNotFound,
  type WebhookScope,
  webhookScopeOf,
} from "../../data/webhooks/webhook-owner";
import { webhookView, webhookViewSelect } from "../../data/webhooks/webhook-view";
import type { ServiceContext } from "../../service-context";
import { webhookTargetProblem } from "../../webhooks/post";
import { newWebhookSecret } from "../../webhooks/signature";

/** `scope`: given by an API key (its customer's); else the acting user's. */
export async function createWebhook(db: Db, ctx: ServiceContext, raw: CreateWebhookInput, scope?: WebhookScope) {
  const input = createWebhookInput.parse(raw);
  scope ??= await webhookScopeOf(db, ctx.actor);
  // A customer's contact subscribes its own customer only, whatever it sends; a business-wide key, business-wide.
  const customerId =
    scope.kind === "customer" ? scope.customerId : scope.kind === "business" ? null : (input.customerId ?? null);
  if (scope.kind === "customer" && input.customerId && input.customerId !== scope.customerId) {
    throw new WebhookNotFound("No such customer.");
  }
  if (customerId && !(await db.customer.findUnique({ where: { id: customerId }, select: { id: true } }))) {
    throw new WebhookNotFound("No such customer.");
  }
  const problem = await webhookTargetProblem(input.url, webhooksMayReachPrivate());
  if (problem) throw new InvalidWebhookUrl(`The URL ${problem}.`);
  const secret = newWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookSubscription.create({
      data: { customerId, url: input.url, events: input.events, secret, createdById: ctx.actor.userId },
      select: webhookViewSelect,
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.create",
      entityType: "WebhookSubscription",
      entityId: created.id,
      changes: {
        url: { before: null, after: created.url },
        events: { before: null, after: created.events },
        customerId: { before: null, after: created.customerId },
      },
    });
    return created;
  });
  return { webhook: webhookView(row), secret };
}
