// What a delivery channel is given and must do. The notification pipeline (fan-out from the
// DomainEvent outbox, preferences, digests, retries) decides WHAT to send to WHOM; a channel
// only carries one rendered message to one recipient. Email, SMS and Web Push implement it;
// in-app needs no sender (the stored notification is the message).
import "server-only";

export const USER_CHANNELS = ["EMAIL", "SMS", "PUSH", "IN_APP"] as const;
export type UserChannel = (typeof USER_CHANNELS)[number];

/** One message, rendered, for one recipient on one channel. */
export type OutgoingMessage = {
  /** The delivery's id: the same on every retry, so a provider or receiver can de-duplicate. */
  deliveryId: string;
  recipient: { userId: string; name: string; email: string; phone: string | null };
  /** Email subject; push title. */
  subject: string;
  /** Plain text: the email's text part; the SMS body (the pipeline keeps it to 160 characters); the push body. */
  text: string;
  /** Email only: HTML with every customer-given text escaped. */
  html?: string;
  /** Absolute link to the screen the message is about (email link, push click). */
  url: string;
  /** Email only: extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
};

/** What the provider said: kept on the delivery for the admin outbox. */
export type SendResult =
  /** Accepted by the provider (an SMTP server, Twilio, a push service). */
  | { outcome: "sent"; providerId?: string }
  /** No provider configured (the embedded default): the message is kept in the outbox, readable there. */
  | { outcome: "kept" };

/**
 * Throws on failure. A thrown PermanentDeliveryError is not retried (a bounced address, a push
 * subscription that is gone); anything else is retried with backoff until the last try.
 */
export type ChannelSender = {
  channel: Exclude<UserChannel, "IN_APP">;
  send(message: OutgoingMessage): Promise<SendResult>;
};

export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}
