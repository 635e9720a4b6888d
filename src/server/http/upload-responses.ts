// GET and PUT /api/uploads/{attachmentId}: the route handlers' whole logic, given the actor, so
// it is tested with real Request objects and no session (tests/integration/sync/upload-http.test.ts).
import "server-only";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import type { ActorWithIdentity } from "../auth/actor";
import type { Db } from "../db";
import { receiveChunk } from "../services/attachments/receive-chunk";
import { UploadRefused } from "../data/attachments/upload-refused";
import { attachmentIdInput, uploadStatus } from "../services/attachments/upload-status";
import { readBodyWithin } from "./body-limit";
import { jsonResponse, refusalResponse, refusedResponse, signedOutResponse } from "./refusal-response";

const notFound = () => refusedResponse("NOT_FOUND", "Attachment was not found.");

export async function uploadStatusResponse(
  db: Db,
  actor: ActorWithIdentity | null,
  attachmentId: string,
): Promise<Response> {
  if (!actor) return signedOutResponse();
  if (!attachmentIdInput.safeParse(attachmentId).success) return notFound();
  try {
    return jsonResponse(200, await uploadStatus(db, actor, attachmentId));
  } catch (error) {
    return refusalResponse(error, "upload status");
  }
}

export async function chunkResponse(
  db: Db,
  actor: ActorWithIdentity | null,
  attachmentId: string,
  request: Request,
): Promise<Response> {
  if (!actor) return signedOutResponse();
  if (!attachmentIdInput.safeParse(attachmentId).success) return notFound();
  try {
    // Refused before reading when the length is announced: a too-big body is never buffered.
    if (Number(request.headers.get("content-length") ?? 0) > UPLOAD_CHUNK_BYTES) {
      throw new UploadRefused("CHUNK_TOO_LARGE", `A chunk is at most ${UPLOAD_CHUNK_BYTES} bytes.`);
    }
    const offset = new URL(request.url).searchParams.get("offset") ?? undefined;
    // Counted as they arrive: a body without a length is cut off at the limit, not buffered.
    const bytes = await readBodyWithin(request, UPLOAD_CHUNK_BYTES);
    if (!bytes) throw new UploadRefused("CHUNK_TOO_LARGE", `A chunk is at most ${UPLOAD_CHUNK_BYTES} bytes.`);
    return jsonResponse(200, await receiveChunk(db, actor, { attachmentId, offset, bytes }));
  } catch (error) {
    return refusalResponse(error, "upload chunk");
  }
}
