// Upload of an attachment's bytes in chunks (docs/sync-protocol.md §3); logic in src/server/http.
import { db } from "~/server/db";
import { requestActor } from "~/server/http/request-actor";
import { chunkResponse, uploadStatusResponse } from "~/server/http/upload-responses";

type Params = { params: Promise<{ attachmentId: string }> };

export async function GET(_request: Request, { params }: Params) {
  return uploadStatusResponse(db(), await requestActor(), (await params).attachmentId);
}

export async function PUT(request: Request, { params }: Params) {
  return chunkResponse(db(), await requestActor(), (await params).attachmentId, request);
}
