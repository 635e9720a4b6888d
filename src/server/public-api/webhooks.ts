// /api/v1/webhooks: the caller's webhook subscriptions (a customer key: its company's; a
// business-wide key: the business-wide ones). The delivery pipeline (src/server/webhooks/) reads
// these rows; the signing secret is in create's answer only. The target is checked as the screens'
// service checks it (in production, no private address), so a subscription that could never be
// delivered is refused at once rather than failing every delivery.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { WEBHOOK_EVENT_NAMES } from "~/domain";
import { writeAudit } from "../audit/write-audit";
import { InvalidWebhookUrl } from "../data/webhooks/webhook-owner";
import { NotFound } from "../errors";
import { webhooksMayReachPrivate } from "../jobs/webhook-jobs";
import { webhookTargetProblem } from "../webhooks/post";
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

const select = { id: true, url: true, events: true, enabled: true, disabledReason: true, createdAt: true } as const;

export async function listWebhooksOperation({ db, caller }: OperationInput) {
  const items = await db.webhookSubscription.findMany({
    where: { customerId: caller.customerId },
    select,
    orderBy: { createdAt: "desc" },
  });
  return { items };
}

export async function createWebhookOperation({
  db,
  caller,
  ctx,
  body,
}: OperationInput<z.output<typeof createWebhookBody>>) {
  const problem = await webhookTargetProblem(body.url, webhooksMayReachPrivate());
  if (problem) throw new InvalidWebhookUrl(`The URL ${problem}.`);
  const secret = randomBytes(32).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookSubscription.create({
      data: {
        customerId: caller.customerId,
        url: body.url,
        events: [...new Set(body.events)],
        secret,
        createdById: ctx.actor.userId,
      },
      select,
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.create",
      entityType: "WebhookSubscription",
      entityId: created.id,
      changes: { url: { before: null, after: created.url }, events: { before: null, after: created.events } },
    });
    return created;
  });
  return new ApiAnswer(201, { ...row, secret });
}

export async function deleteWebhookOperation({ db, caller, ctx, id }: OperationInput) {
  const subscriptionId = pathId(id, "Webhook subscription");
  await db.$transaction(async (tx) => {
    const sub = await tx.webhookSubscription.findFirst({
      where: { id: subscriptionId, customerId: caller.customerId },
    });
    if (!sub) throw new NotFound("Webhook subscription");
    await tx.webhookSubscription.delete({ where: { id: sub.id } });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "webhook.delete",
      entityType: "WebhookSubscription",
      entityId: sub.id,
      changes: { url: { before: sub.url, after: null } },
    });
  });
  return new ApiAnswer(204);
}
