import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  formatSignatureHeader,
  parseSignatureHeader,
  signedPayload,
  WEBHOOK_SIGNATURE_TOLERANCE_S,
} from "~/domain/webhooks";

/** A new subscription secret: shown to its owner, kept so the server can sign. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

function digest(secret: string, timestampS: number, rawBody: string): string {
  return createHmac("sha256", secret).update(signedPayload(timestampS, rawBody)).digest("hex");
}

/** The RS-Signature header for a body sent at `timestampS`. */
export function signWebhook(secret: string, timestampS: number, rawBody: string): string {
  return formatSignatureHeader(timestampS, digest(secret, timestampS, rawBody));
}

/** What a receiver does: the header matches the raw body and is recent. */
export function verifyWebhook(
  secret: string,
  header: string,
  rawBody: string,
  nowS: number,
  toleranceS: number = WEBHOOK_SIGNATURE_TOLERANCE_S,
): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed || Math.abs(nowS - parsed.timestampS) > toleranceS) return false;
  const expected = Buffer.from(digest(secret, parsed.timestampS, rawBody), "hex");
  return parsed.digests.some((d) => timingSafeEqual(Buffer.from(d, "hex"), expected));
}
