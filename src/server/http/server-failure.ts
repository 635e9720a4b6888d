// An unexpected failure (a database error, a bug) answers with one generic sentence and an id;
// the details (message, stack, the SQL error) go to the server log under the same id, never to
// the caller.
import "server-only";
import { randomBytes } from "node:crypto";

/** Logs the failure under a new id and returns that id. */
export function logServerFailure(where: string, error: unknown): string {
  const id = randomBytes(6).toString("hex");
  console.error(`[request ${id}] ${where} failed unexpectedly`, error);
  return id;
}

export const serverFailureMessage = (id: string) => `Something went wrong on the server (request id ${id}).`;
