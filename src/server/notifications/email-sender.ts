// The EMAIL channel: one rendered message to one address over SMTP (nodemailer). Without
// SMTP_URL the message is kept (the outbox shows it), so a plain `npm start` needs no mail server.
import "server-only";

import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

import { type ChannelSender, type OutgoingMessage, PermanentDeliveryError, type SendResult } from "./channel";

export type EmailSenderOptions = {
  smtpUrl: string | undefined;
  from: string;
  /**
   * Each phase of a try is bounded, so a server that accepts the connection and then hangs fails
   * the try (retried later) instead of holding the worker.
   */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
  /** Tests against a loopback peer with a self-signed certificate. */
  tlsRejectUnauthorized?: boolean;
  /** Connections kept open and reused (many mails in a row). */
  maxConnections?: number;
};

/** Header carrying the delivery id: the same on every retry, so duplicates can be counted or dropped. */
export const DELIVERY_HEADER = "X-RS-Delivery";

/** A delivery id as a Message-ID: a retry of one delivery carries the same one. */
export function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@notifications.rs-systems>`;
}

type SmtpFailure = Error & { code?: string; responseCode?: number; command?: string };

/**
 * A recipient the server refuses for good (550 and friends on RCPT TO: the address bounces) is
 * permanent; anything else - a refused connection, a 5xx greeting or MAIL FROM, a 4xx, a timeout -
 * is the server's state, not the address's, and worth another try.
 */
export function isPermanentSmtpFailure(error: SmtpFailure): boolean {
  const code = error.responseCode ?? 0;
  return code >= 500 && code < 600 && /^RCPT/i.test(error.command ?? "");
}

export function createEmailSender(options: EmailSenderOptions): ChannelSender & { close(): void } {
  let transport: Transporter<SMTPTransport.SentMessageInfo> | null = null;

  function transporter() {
    if (!transport) {
      const timeouts = options.timeouts ?? {};
      transport = nodemailer.createTransport({
        url: options.smtpUrl,
        pool: true,
        maxConnections: options.maxConnections ?? 3,
        connectionTimeout: timeouts.connectionMs ?? 10_000,
        greetingTimeout: timeouts.greetingMs ?? 10_000,
        socketTimeout: timeouts.socketMs ?? 30_000,
        tls: options.tlsRejectUnauthorized === false ? { rejectUnauthorized: false } : undefined,
      } as SMTPTransport.Options);
    }
    return transport;
  }

  return {
    channel: "EMAIL",
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (!options.smtpUrl) return { outcome: "kept" };
      try {
        const info = await transporter().sendMail({
          from: options.from,
          to: { name: message.recipient.name, address: message.recipient.email },
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: messageIdOf(message.deliveryId),
          headers: { ...message.headers, [DELIVERY_HEADER]: message.deliveryId },
        });
        if (info.rejected.length > 0) {
          throw new PermanentDeliveryError(`refused recipient: ${String(info.response ?? "")}`.trim());
        }
        return { outcome: "sent", providerId: info.messageId };
      } catch (error) {
        if (error instanceof PermanentDeliveryError) throw error;
        const failure = error as SmtpFailure;
        if (isPermanentSmtpFailure(failure)) throw new PermanentDeliveryError(failure.message);
        throw error;
      }
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}
