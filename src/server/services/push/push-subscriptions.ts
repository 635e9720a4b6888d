// "Notifications on this device": the browser's push subscription kept for the signed-in user.
// One row per endpoint: a device handed to another user (shared phone) moves to them. Endpoints
// are URLs the server will POST to, so they are checked like webhook URLs (https, and in
// production no private address).
import "server-only";
import { z } from "zod";
import { DomainError } from "~/domain";
import type { Db } from "../../db";
import { webhooksMayReachPrivate } from "../../jobs/webhook-jobs";
import { vapidKeysFromConfig } from "../../notifications/push-sender";
import type { ServiceContext } from "../../service-context";
import { webhookTargetProblem } from "../../webhooks/post";

export class InvalidPushEndpoint extends DomainError {
  readonly code = "BAD_INPUT" as const;
}

const base64url = (bytes: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}={0,2}$`));

export const pushSubscriptionInput = z.strictObject({
  endpoint: z.string().max(2000),
  keys: z.object({ p256dh: base64url(65), auth: base64url(16) }),
  userAgent: z.string().max(300).optional(),
});
export const pushEndpointInput = z.strictObject({ endpoint: z.string().max(2000) });

/** The public key a browser subscribes with; null when push is off on this server. */
export function pushPublicKey(): { publicKey: string | null } {
  return { publicKey: vapidKeysFromConfig()?.publicKey ?? null };
}

export async function subscribePush(db: Db, ctx: ServiceContext, input: z.infer<typeof pushSubscriptionInput>) {
  const mayReachPrivate = webhooksMayReachPrivate();
  const problem = await webhookTargetProblem(input.endpoint, mayReachPrivate);
  if (problem || (!mayReachPrivate && !input.endpoint.startsWith("https://"))) {
    throw new InvalidPushEndpoint(`The push endpoint ${problem ?? "must start with https://"}.`);
  }
  const data = {
    userId: ctx.actor.userId,
    p256dh: input.keys.p256dh.replace(/=+$/, ""),
    auth: input.keys.auth.replace(/=+$/, ""),
    userAgent: input.userAgent ?? ctx.origin.userAgent?.slice(0, 300) ?? null,
  };
  await db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { endpoint: input.endpoint, ...data },
    update: data,
  });
  return { subscribed: true };
}

/** Only the user's own subscription is removed; another user's endpoint is left alone. */
export async function unsubscribePush(db: Db, ctx: ServiceContext, input: { endpoint: string }) {
  await db.pushSubscription.deleteMany({ where: { endpoint: input.endpoint, userId: ctx.actor.userId } });
  return { subscribed: false };
}

/** Whether this device's endpoint is subscribed for the signed-in user (the switch's state). */
export async function pushStatus(db: Db, ctx: ServiceContext, input: { endpoint: string }) {
  const row = await db.pushSubscription.findFirst({ where: { endpoint: input.endpoint, userId: ctx.actor.userId } });
  return { subscribed: Boolean(row) };
}
