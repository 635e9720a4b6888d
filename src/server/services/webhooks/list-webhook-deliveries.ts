// A webhook's delivery log, newest first, a page at a time: each delivery with its state and
// every try (status code, error, duration).
import "server-only";
import type { Db } from "../../db";
import { pageOf, pageQuery } from "../../data/page";
import { loadSubscriptionFor, webhookScopeOf } from "../../data/webhooks/webhook-owner";
import type { ServiceContext } from "../../service-context";

export async function listWebhookDeliveries(
  db: Db,
  ctx: ServiceContext,
  input: { id: string; cursor?: string; limit: number },
) {
  const scope = await webhookScopeOf(db, ctx.actor);
  const sub = await loadSubscriptionFor(db, scope, input.id);
  const rows = await db.webhookDelivery.findMany({
    where: { subscriptionId: sub.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageQuery(input),
    select: {
      id: true,
      eventId: true,
      eventName: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      lastDurationMs: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      log: { orderBy: { at: "desc" }, take: 10, select: { at: true, statusCode: true, error: true, durationMs: true } },
    },
  });
  return pageOf(rows, input.limit);
}
