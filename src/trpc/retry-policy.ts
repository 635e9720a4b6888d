// Which failed queries the office screens ask again. Decided on the answer's code, never its
// message: the app's own refusals (signed out, not allowed, not found, bad input, a broken
// business rule) give the same answer a second time; no answer at all, or a server error, may not.
import { TRPCClientError } from "@trpc/client";
import { REFUSALS, isRefusalCode } from "~/domain/errors";

/** tRPC codes of a server that failed or was busy rather than refused. */
const TRANSIENT_TRPC_CODES = new Set([
  "INTERNAL_SERVER_ERROR",
  "NOT_IMPLEMENTED",
  "BAD_GATEWAY",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
  "TIMEOUT",
  "TOO_MANY_REQUESTS",
  "CLIENT_CLOSED_REQUEST",
]);

export const QUERY_RETRIES = 2;

/** True when asking again may succeed: offline, a network failure, a 5xx. */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const data = error.data as { code?: string; domainCode?: string | null } | undefined;
  if (isRefusalCode(data?.domainCode)) return REFUSALS[data.domainCode].status >= 500;
  // No tRPC answer (fetch failed, or a proxy's page instead of JSON): the server was not reached.
  if (!data?.code) return true;
  return TRANSIENT_TRPC_CODES.has(data.code);
}

export const retryQuery = (failureCount: number, error: unknown): boolean =>
  failureCount < QUERY_RETRIES && isTransientFailure(error);
