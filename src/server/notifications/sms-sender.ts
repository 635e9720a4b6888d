import "server-only";
import { smsText } from "~/domain/sms-text";
import { config } from "../config";
import { PermanentDeliveryError, type ChannelSender, type OutgoingMessage, type SendResult } from "./channel";

const TIMEOUT_MS = 10_000;

/**
 * Twilio refusals that a retry cannot fix: an invalid or unreachable number, a recipient who
 * replied STOP, too long a body. Anything else (429, 5xx, auth being rotated) is retried.
 */
const PERMANENT_TWILIO_CODES = new Set([21211, 21214, 21217, 21408, 21606, 21610, 21612, 21614, 21617]);

/** Twilio's Messages API: POST {base}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded, basic auth. */
export function twilioSmsSender(smsUrl: string, from: string): ChannelSender {
  const parsed = new URL(smsUrl);
  const sid = decodeURIComponent(parsed.username);
  const token = decodeURIComponent(parsed.password);
  const base = `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/$/, "")}`;
  const endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`;
  return {
    channel: "SMS",
    async send(message: OutgoingMessage): Promise<SendResult> {
      const to = message.recipient.phone;
      if (!to) throw new PermanentDeliveryError("the recipient has no phone number");
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          authorization: auth,
          "content-type": "application/x-www-form-urlencoded",
          // Lets Twilio drop a retried request it already accepted.
          "I-Twilio-Idempotency-Token": message.deliveryId,
        },
        body: new URLSearchParams({ To: to, From: from, Body: smsText(message.text) }).toString(),
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (response.ok) return { outcome: "sent", providerId: answer.sid };
      const why = `Twilio ${response.status}${answer.code ? ` (${answer.code})` : ""}: ${answer.message ?? ""}`.trim();
      if (response.status >= 400 && response.status < 500 && answer.code && PERMANENT_TWILIO_CODES.has(answer.code)) {
        throw new PermanentDeliveryError(why);
      }
      throw new Error(why);
    },
  };
}

/** The SMS sender for this server: Twilio when SMS_URL and SMS_FROM are set, else messages are kept. */
export function smsSender(): ChannelSender {
  const { SMS_URL, SMS_FROM } = config();
  if (SMS_URL && SMS_FROM) return twilioSmsSender(SMS_URL, SMS_FROM);
  return { channel: "SMS", send: () => Promise.resolve({ outcome: "kept" }) };
}
