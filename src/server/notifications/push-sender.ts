// Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payloads (RFC 8291), through the
// web-push package's request builder; the request itself is ours (fetch, bounded, no redirects).
// One message goes to every device the user subscribed; a push service answering 404 or 410 says
// that subscription is gone (the browser dropped it), and it is deleted.
import "server-only";
import webpush from "web-push";
import { config } from "../config";
import type { Db } from "../db";
import { logger } from "../logging/logger";
import { PermanentDeliveryError, type ChannelSender, type OutgoingMessage, type SendResult } from "./channel";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const TIMEOUT_MS = 10_000;
/** A push older than a day is of no use (an approval asked yesterday is in the list anyway). */
const TTL_S = 24 * 60 * 60;

/** What the service worker receives (service-worker/push.ts shows it). */
export type PushPayload = { title: string; body: string; url: string; tag: string };

/** The server's VAPID keys: set on a server, generated once into the data folder otherwise (scripts/serve.ts). */
export function vapidKeysFromConfig(): VapidKeys | null {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = config();
  if (!VAPID_PUBLIC_KEY || !VAPID_PRIVATE_KEY) return null;
  return { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY, subject: VAPID_SUBJECT };
}

export type PushResult = { sent: number; gone: number; failed: number; errors: string[] };

/**
 * Sends one message to every push subscription of the user. Throws PermanentDeliveryError when
 * the user has no subscription left (none, or every one gone), an Error when none accepted it
 * for a reason a retry may fix; answers "sent" when at least one device's service accepted it
 * (a retry would show it twice on that device).
 */
export async function sendPushToUser(
  db: Db,
  userId: string,
  message: Pick<OutgoingMessage, "deliveryId" | "subject" | "text" | "url">,
  options: { vapid?: VapidKeys | null; timeoutMs?: number } = {},
): Promise<PushResult> {
  const vapid = options.vapid === undefined ? vapidKeysFromConfig() : options.vapid;
  if (!vapid) throw new PermanentDeliveryError("Web Push is not configured (no VAPID keys)");
  const subscriptions = await db.pushSubscription.findMany({ where: { userId } });
  if (subscriptions.length === 0) throw new PermanentDeliveryError("the user has no push subscription");
  const payload: PushPayload = {
    title: message.subject,
    body: message.text,
    url: message.url,
    tag: message.deliveryId,
  };
  const result: PushResult = { sent: 0, gone: 0, failed: 0, errors: [] };
  await Promise.all(
    subscriptions.map(async (s) => {
      const request = webpush.generateRequestDetails(
        { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
        JSON.stringify(payload),
        { vapidDetails: vapid, TTL: TTL_S, contentEncoding: "aes128gcm" },
      );
      try {
        const response = await fetch(request.endpoint, {
          method: request.method,
          headers: request.headers as Record<string, string>,
          body: request.body ? new Uint8Array(request.body) : undefined,
          redirect: "error",
          signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok) result.sent += 1;
        else if (response.status === 404 || response.status === 410) {
          result.gone += 1;
          await db.pushSubscription.deleteMany({ where: { id: s.id } });
        } else {
          result.failed += 1;
          result.errors.push(`push service ${response.status}`);
        }
      } catch (error) {
        result.failed += 1;
        result.errors.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  if (result.sent > 0) return result;
  if (result.failed === 0) throw new PermanentDeliveryError("every push subscription of the user is gone");
  throw new Error(`no push service accepted the message: ${result.errors.join("; ")}`);
}

/** The PUSH channel's sender: one message to all of the recipient's devices. */
export function createPushSender(db: Db, vapid: VapidKeys | null): ChannelSender {
  return {
    channel: "PUSH",
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (!vapid) return { outcome: "kept" };
      const result = await sendPushToUser(db, message.recipient.userId, message, { vapid });
      if (result.failed > 0) logger().warn({ deliveryId: message.deliveryId, ...result }, "push: some devices failed");
      return { outcome: "sent" };
    },
  };
}
