// An unexpected failure (a database error, a bug) answers with one generic sentence and an id;
// the details (message, stack, the SQL error) go to the server log under the same id, never to
// the caller. The id is the request's own (also in its X-Request-Id header and its log lines).
import "server-only";
import { logger } from "../logging/logger";
import { currentRequest } from "../logging/request-context";
import { newRequestId } from "../logging/request-id";

/** Logs the failure under the request's id (a new one outside a request) and returns that id. */
export function logServerFailure(where: string, error: unknown): string {
  const id = currentRequest()?.id ?? newRequestId();
  logger().error({ requestId: id, err: error }, `${where} failed unexpectedly`);
  return id;
}

export const serverFailureMessage = (id: string) => `Something went wrong on the server (request id ${id}).`;
