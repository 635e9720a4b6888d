// The senders the delivery pipeline calls, one per channel. A channel nobody registered (SMS or
// push without a provider configured) keeps its messages in the outbox, outcome "kept", like
// email without SMTP_URL. IN_APP has no sender: the stored notification is the message.
import "server-only";

import { config } from "../config";
import type { ChannelSender, OutgoingMessage, SendResult, UserChannel } from "./channel";
import { db } from "../db";
import { createEmailSender } from "./email-sender";
import { createPushSender, vapidKeysFromConfig } from "./push-sender";
import { smsSender } from "./sms-sender";

type SentChannel = Exclude<UserChannel, "IN_APP">;

const senders = new Map<SentChannel, ChannelSender>();

/** Adds or replaces the sender of a channel (SMS and push register theirs the same way). */
export function registerSender(sender: ChannelSender): void {
  senders.set(sender.channel, sender);
}

/** The configured email, SMS and push senders are registered on first use. */
function senderOf(channel: SentChannel): ChannelSender | undefined {
  if (channel === "EMAIL" && !senders.has("EMAIL")) {
    const settings = config();
    registerSender(createEmailSender({ smtpUrl: settings.SMTP_URL, from: settings.MAIL_FROM }));
  }
  // Without VAPID keys push messages are kept, like SMS without a provider.
  if (channel === "PUSH" && !senders.has("PUSH")) registerSender(createPushSender(db(), vapidKeysFromConfig()));
  if (channel === "SMS" && !senders.has("SMS")) registerSender(smsSender());
  return senders.get(channel);
}

export async function sendOn(channel: SentChannel, message: OutgoingMessage): Promise<SendResult> {
  const sender = senderOf(channel);
  return sender ? sender.send(message) : { outcome: "kept" };
}
