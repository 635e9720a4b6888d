// A refused or failed request to an attachment route as an HTTP answer: a typed body
// { code, message } with the status the refusal table gives its code (src/domain/errors.ts;
// docs/sync-protocol.md §3 lists those of the upload routes).
import "server-only";
import { ZodError, z } from "zod";
import { DomainError, REFUSALS, type RefusalCode } from "~/domain";
import { UploadRefused } from "../data/attachments/upload-refused";
import { logServerFailure, serverFailureMessage } from "./server-failure";

export const jsonResponse = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The answer to a refusal: its code decides the status. */
export const refusedResponse = (code: RefusalCode, message: string, extra: Record<string, unknown> = {}) =>
  jsonResponse(REFUSALS[code].status, { code, message, ...extra });

export const signedOutResponse = () => refusedResponse("UNAUTHORIZED", "Please sign in again.");

export function refusalResponse(error: unknown, where: string): Response {
  if (error instanceof ZodError) return refusedResponse("BAD_INPUT", z.prettifyError(error));
  if (error instanceof DomainError) {
    const receivedBytes = error instanceof UploadRefused ? error.receivedBytes : undefined;
    return refusedResponse(error.code, error.message, receivedBytes === undefined ? {} : { receivedBytes });
  }
  const id = logServerFailure(where, error);
  return refusedResponse("SERVER_ERROR", `${serverFailureMessage(id)} Try again later.`, { requestId: id });
}
