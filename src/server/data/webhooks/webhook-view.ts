// What the webhook screens and the public API answer: never the secret (shown once, at creation
// or rotation).
import "server-only";
import type { Prisma } from "../../db/generated/client";

export const webhookViewSelect = {
  id: true,
  customerId: true,
  customer: { select: { name: true } },
  url: true,
  events: true,
  enabled: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
} satisfies Prisma.WebhookSubscriptionSelect;

type Row = Prisma.WebhookSubscriptionGetPayload<{ select: typeof webhookViewSelect }>;

export function webhookView(row: Row) {
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: row.customer?.name ?? null,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
  };
}
export type WebhookView = ReturnType<typeof webhookView>;
