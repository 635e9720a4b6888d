// The one-click unsubscribe link's token: who, from what (an event type on a channel, or
// everything), signed with the app's secret so a link cannot be forged to switch off someone
// else's mail. No expiry: an old mail's link must still work (RFC 8058 one-click).
import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

export type UnsubscribeScope = { userId: string; channel: string; eventType: string | null };

function signature(body: string, secret: string): string {
  return createHmac("sha256", `unsubscribe:${secret}`).update(body).digest("base64url");
}

export function signUnsubscribeToken(scope: UnsubscribeScope, secret: string): string {
  const body = Buffer.from(JSON.stringify([scope.userId, scope.channel, scope.eventType])).toString("base64url");
  return `${body}.${signature(body, secret)}`;
}

/** The scope of a genuine token; null for anything altered, truncated or signed with another secret. */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeScope | null {
  const [body, given, extra] = token.split(".");
  if (!body || !given || extra !== undefined) return null;
  const expected = Buffer.from(signature(body, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [userId, channel, eventType] = parsed as unknown[];
    if (typeof userId !== "string" || typeof channel !== "string") return null;
    if (eventType !== null && typeof eventType !== "string") return null;
    return { userId, channel, eventType };
  } catch {
    return null;
  }
}
