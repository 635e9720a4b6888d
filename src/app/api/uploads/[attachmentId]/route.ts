// Upload of an attachment's bytes in chunks (docs/sync-protocol.md §3); logic in src/server/http.
import { config } from "~/server/config";
import { db } from "~/server/db";
import { refuseCrossSite } from "~/server/http/cross-site";
import { requestActor } from "~/server/http/request-actor";
import { chunkResponse, uploadStatusResponse } from "~/server/http/upload-responses";

type Params = { params: Promise<{ attachmentId: string }> };

export async function GET(_request: Request, { params }: Params) {
  return uploadStatusResponse(db(), await requestActor(), (await params).attachmentId);
}

export async function PUT(request: Request, { params }: Params) {
  const refused = refuseCrossSite(request, config().NEXTAUTH_URL);
  if (refused) return refused;
  return chunkResponse(db(), await requestActor(), (await params).attachmentId, request);
}
