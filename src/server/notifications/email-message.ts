// Glue for the delivery step: a notification's content, rendered, with its signed one-click
// unsubscribe link and headers, as the OutgoingMessage the email sender takes.
import "server-only";

import { type EmailContent, renderEmail, unsubscribeHeaders } from "~/domain/notification-email";
import type { OutgoingMessage } from "./channel";
import { signUnsubscribeToken } from "./unsubscribe-token";

/** Where the one-click unsubscribe link points (the route consuming the token). */
export const UNSUBSCRIBE_PATH = "/api/notifications/unsubscribe";

export function emailMessage(input: {
  deliveryId: string;
  recipient: OutgoingMessage["recipient"];
  content: Omit<EmailContent, "unsubscribeUrl" | "recipientName">;
  /** The public URL (NEXTAUTH_URL), without a trailing slash. */
  baseUrl: string;
  secret: string;
}): OutgoingMessage {
  const token = signUnsubscribeToken(
    { userId: input.recipient.userId, channel: "EMAIL", eventType: input.content.type },
    input.secret,
  );
  const unsubscribeUrl = `${input.baseUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
  const rendered = renderEmail({ ...input.content, recipientName: input.recipient.name, unsubscribeUrl });
  return {
    deliveryId: input.deliveryId,
    recipient: input.recipient,
    ...rendered,
    url: input.content.url,
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}
