// The bytes of a photo, voice note or signature; logic in src/server/http/content-response.ts.
import { db } from "~/server/db";
import { attachmentContentResponse } from "~/server/http/content-response";
import { requestActor } from "~/server/http/request-actor";

export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return attachmentContentResponse(db(), await requestActor(), (await params).attachmentId);
}
