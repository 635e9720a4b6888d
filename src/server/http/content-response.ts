// GET /api/attachments/{attachmentId}/content: the bytes, for whoever may see their repair or
// walk; 404 for everyone else (readAttachmentContent decides).
import "server-only";
import { Readable } from "node:stream";
import type { ActorWithIdentity } from "../auth/actor";
import type { Db } from "../db";
import { readAttachmentContent } from "../services/attachments/read-attachment-content";
import { refusalResponse, signedOutResponse } from "./refusal-response";

/** Content under an id never changes; a day in the user's own cache keeps revoked access short. */
const CACHE_SECONDS = 24 * 60 * 60;

export async function attachmentContentResponse(
  db: Db,
  actor: ActorWithIdentity | null,
  attachmentId: string,
): Promise<Response> {
  if (!actor) return signedOutResponse();
  try {
    const content = await readAttachmentContent(db, actor, attachmentId);
    return new Response(Readable.toWeb(content.body) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": content.mimeType,
        "Content-Length": String(content.sizeBytes),
        "Cache-Control": `private, max-age=${CACHE_SECONDS}`,
        ETag: `"${content.etag}"`,
        // An SVG signature could carry script: never sniffed, never run, even opened on its own.
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (error) {
    return refusalResponse(error, "attachment content");
  }
}
