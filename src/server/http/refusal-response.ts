// A refused or failed request to an attachment route as an HTTP answer: the status the
// protocol names (docs/sync-protocol.md §3) and a typed body { code, message }.
import { ZodError, z } from "zod";
import { DomainError } from "~/domain";
import { UploadRefused } from "../services/attachments/upload-refused";

const STATUS_FOR_CODE: Readonly<Record<string, number>> = {
  UNAUTHORIZED: 401,
  NOT_YOURS: 403,
  INACTIVE_TECHNICIAN: 403,
  NOT_FOUND: 404,
  OFFSET_MISMATCH: 409,
  FILE_TOO_LARGE: 413,
  WRONG_FILE_TYPE: 415,
  CHECKSUM_MISMATCH: 422,
};

export const jsonResponse = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export const signedOutResponse = () => jsonResponse(401, { code: "UNAUTHORIZED", message: "Please sign in again." });

export function refusalResponse(error: unknown, where: string): Response {
  if (error instanceof ZodError) return jsonResponse(400, { code: "BAD_INPUT", message: z.prettifyError(error) });
  if (error instanceof DomainError) {
    const receivedBytes = error instanceof UploadRefused ? error.receivedBytes : undefined;
    return jsonResponse(STATUS_FOR_CODE[error.code] ?? 400, {
      code: error.code,
      message: error.message,
      ...(receivedBytes === undefined ? {} : { receivedBytes }),
    });
  }
  console.error(`${where} failed unexpectedly`, error);
  return jsonResponse(500, { code: "SERVER_ERROR", message: "The server could not handle this now; try again later." });
}
