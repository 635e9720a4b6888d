// Public API errors as application/problem+json (RFC 9457), carrying the app's refusal code.
import "server-only";
import { ZodError } from "zod";
import { DomainError, REFUSALS, type RefusalCode } from "~/domain";
import { logServerFailure, serverFailureMessage } from "../http/server-failure";

export const PROBLEM_TYPE_BASE = "https://rs-systems.example/problems/";

export function problemResponse(
  code: RefusalCode,
  detail: string,
  instance: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const status = REFUSALS[code].status;
  const title = code.toLowerCase().replaceAll("_", " ");
  return new Response(
    JSON.stringify({ type: PROBLEM_TYPE_BASE + code, title, status, detail, instance, code, ...extra }),
    { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers } },
  );
}

/** A thrown error as a problem: zod issues listed, domain refusals by their code, the rest a logged 500. */
export function errorProblem(error: unknown, instance: string): Response {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return problemResponse("BAD_INPUT", "The request does not match the operation's schema.", instance, { issues });
  }
  if (error instanceof DomainError) return problemResponse(error.code, error.message, instance);
  const id = logServerFailure("public api", error);
  return problemResponse("SERVER_ERROR", `${serverFailureMessage(id)} Try again later.`, instance, { requestId: id });
}
