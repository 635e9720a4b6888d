// /api/v1/webhooks: the caller's webhook subscriptions (a customer key: its company's; a
// business-wide key: the business-wide ones), through the screens' webhook services with the
// key's customer as owner (whoever created the key, and whether or not they are still the
// primary contact). The signing secret is in create's answer only; the target is checked by the
// service (in production, no private address).
import "server-only";
import { z } from "zod";
import { WEBHOOK_EVENT_NAMES } from "~/domain";
import type { CreateWebhookInput } from "../data/webhooks/webhook-inputs";
import { WebhookNotFound, webhookScopeOfApiKey } from "../data/webhooks/webhook-owner";
import type { WebhookView } from "../data/webhooks/webhook-view";
import { NotFound } from "../errors";
import { createWebhook } from "../services/webhooks/create-webhook";
import { deleteWebhook } from "../services/webhooks/delete-webhook";
import { listWebhooks } from "../services/webhooks/list-webhooks";
import { type OperationInput, pathId } from "./context";
import { ApiAnswer } from "./handle";

const EVENT_NAMES = Object.values(WEBHOOK_EVENT_NAMES) as [string, ...string[]];

export const createWebhookBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z.array(z.enum(EVENT_NAMES)).min(1).max(EVENT_NAMES.length),
});

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
});
export const webhookListSchema = z.object({ items: z.array(webhookSchema) });
export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().describe("Signs each delivery (RS-Signature); shown only here"),
});

/** The API's fields of a subscription (the screens' view holds more). */
const apiView = ({ id, url, events, enabled, disabledReason, createdAt }: WebhookView) => ({
  id,
  url,
  events,
  enabled,
  disabledReason,
  createdAt,
});

export async function listWebhooksOperation({ db, caller, ctx }: OperationInput) {
  const items = await listWebhooks(db, ctx, webhookScopeOfApiKey(caller.customerId));
  return { items: items.map(apiView) };
}

export async function createWebhookOperation({
  db,
  caller,
  ctx,
  body,
}: OperationInput<z.output<typeof createWebhookBody>>) {
  // The API takes an event named twice as once; the service checks the names again.
  const input = { url: body.url, events: [...new Set(body.events)] as CreateWebhookInput["events"] };
  const { webhook, secret } = await createWebhook(db, ctx, input, webhookScopeOfApiKey(caller.customerId));
  return new ApiAnswer(201, { ...apiView(webhook), secret });
}

export async function deleteWebhookOperation({ db, caller, ctx, id }: OperationInput) {
  const subscriptionId = pathId(id, "Webhook subscription");
  try {
    await deleteWebhook(db, ctx, { id: subscriptionId }, webhookScopeOfApiKey(caller.customerId));
  } catch (error) {
    if (error instanceof WebhookNotFound) throw new NotFound("Webhook subscription");
    throw error;
  }
  return new ApiAnswer(204);
}
