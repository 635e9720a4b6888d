// A request's id: the one a proxy in front already gave (X-Request-Id) when it is a short token
// that cannot forge or break a log line, else a new random one.
import "server-only";
import { randomBytes } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The incoming X-Request-Id when it is 8–64 letters, digits, dots, dashes or underscores. */
export function acceptedRequestId(given: string | string[] | undefined | null): string | null {
  return typeof given === "string" && SAFE_ID.test(given) ? given : null;
}

export function newRequestId(): string {
  return randomBytes(8).toString("hex");
}

export function requestIdFor(given: string | string[] | undefined | null): string {
  return acceptedRequestId(given) ?? newRequestId();
}
