// Who manages which webhook subscriptions: an admin every one (business-wide and any customer's);
// a customer's primary contact its own customer's only; nobody else. A subscription outside the
// actor's reach is "not found", so its existence does not leak.
import "server-only";
import { DomainError } from "~/domain";
import type { ActorWithIdentity } from "../../auth/actor";
import type { Db, DbTx } from "../../db";

export class WebhookNotFound extends DomainError {
  readonly code = "NOT_FOUND" as const;
}
export class WebhookForbidden extends DomainError {
  readonly code = "FORBIDDEN" as const;
}
export class InvalidWebhookUrl extends DomainError {
  readonly code = "INVALID_WEBHOOK_URL" as const;
}

/**
 * "all" for an admin; the customer's id for its primary contact; refused otherwise. An API key
 * reaches its own customer's ("customer"), or, business-wide, the business-wide ones ("business").
 */
export type WebhookScope = { kind: "all" } | { kind: "business" } | { kind: "customer"; customerId: string };

export async function webhookScopeOf(db: Db | DbTx, actor: ActorWithIdentity): Promise<WebhookScope> {
  if (actor.role === "ADMIN") return { kind: "all" };
  if (actor.role === "CUSTOMER" && actor.customerId) {
    const link = await db.customerUser.findUnique({ where: { userId: actor.userId } });
    if (link?.isPrimaryContact && link.customerId === actor.customerId) {
      return { kind: "customer", customerId: actor.customerId };
    }
  }
  throw new WebhookForbidden("Only admins and a customer's primary contact manage webhooks.");
}

/**
 * What an API key manages: its customer's subscriptions, or the business-wide ones for a
 * business-wide key. The key's customer decides, not its creator's current role: a key outlives
 * its creator's turn as primary contact (revoked with the creator's account, src/server/public-api).
 */
export function webhookScopeOfApiKey(customerId: string | null): WebhookScope {
  return customerId ? { kind: "customer", customerId } : { kind: "business" };
}

/** The Prisma filter of the subscriptions a scope reaches. */
export function subscriptionsWithin(scope: WebhookScope): { customerId?: string | null } {
  if (scope.kind === "all") return {};
  return { customerId: scope.kind === "business" ? null : scope.customerId };
}

/** The subscription, if the scope reaches it; else WebhookNotFound. */
export async function loadSubscriptionFor(db: Db | DbTx, scope: WebhookScope, id: string) {
  const row = await db.webhookSubscription.findFirst({ where: { id, ...subscriptionsWithin(scope) } });
  if (!row) throw new WebhookNotFound("No such webhook.");
  return row;
}
