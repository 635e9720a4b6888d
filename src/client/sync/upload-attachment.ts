// Uploads one attachment's bytes in chunks (docs/sync-protocol.md §3): ask the server how much
// it holds, then PUT from there. A 409 names the server's offset and the upload resumes from
// it; progress is saved after every chunk, so a closed tab resumes instead of starting over.
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import type { BlobRow, RsDb } from "../store/db";
import { confirmUpload, recordUploadError, recordUploadedBytes } from "../store/upload-state";
import { SessionExpired } from "./errors";

/** confirmed: the server holds it all; waiting: its record is not on the server yet (404);
 * retry: try again on a later run; refused: the server will not take these bytes. */
export type UploadOutcome = "confirmed" | "waiting" | "retry" | "refused";

export type UploadDeps = {
  fetch: typeof fetch;
  /** "" in the browser (same origin). */
  baseUrl?: string;
  /** Bytes of this attachment the server holds now. */
  onBytes?: (id: string, receivedBytes: number) => void;
};

type ServerState = { receivedBytes: number; complete?: boolean };

export async function uploadAttachment(db: RsDb, row: BlobRow, deps: UploadDeps): Promise<UploadOutcome> {
  const url = `${deps.baseUrl ?? ""}/api/uploads/${encodeURIComponent(row.id)}`;
  const first = await attempt(() => deps.fetch(url, { method: "GET", credentials: "same-origin", cache: "no-store" }));
  if (!first) return "retry";
  if (!first.ok) return stopOn(db, row, first);
  const status = (await first.json()) as ServerState;
  if (status.complete) return confirmed(db, row, deps);
  const content = await db.blobContent.get(row.id);
  if (!content)
    return refuse(db, row, {
      code: "FILE_MISSING",
      message: "This file is no longer on the device; it cannot be sent.",
    });
  let offset = status.receivedBytes;
  let mismatches = 0;
  // Every chunk once, plus room for a few resumes; never an endless loop on a confused server.
  const maxRequests = 2 * Math.ceil(row.size / UPLOAD_CHUNK_BYTES) + 4;
  for (let i = 0; i < maxRequests; i++) {
    if (offset < 0 || offset >= row.size) return "retry";
    const chunk = content.blob.slice(offset, offset + UPLOAD_CHUNK_BYTES);
    const res = await attempt(() =>
      deps.fetch(`${url}?offset=${offset}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/octet-stream" },
        body: chunk,
      }),
    );
    if (!res) return "retry";
    if (res.status === 200 || res.status === 409) {
      const state = (await res.json()) as ServerState;
      offset = state.receivedBytes;
      deps.onBytes?.(row.id, offset);
      if (state.complete) return confirmed(db, row, deps);
      await recordUploadedBytes(db, row.id, offset);
      continue;
    }
    if (res.status === 422) {
      // The server reset the bytes; one clean resend, then it is the file that is wrong.
      offset = 0;
      await recordUploadedBytes(db, row.id, 0);
      deps.onBytes?.(row.id, 0);
      if (++mismatches > 1)
        return refuse(db, row, {
          code: "CHECKSUM_MISMATCH",
          message: "The file changed on its way to the server twice; it will not be sent again.",
        });
      continue;
    }
    return stopOn(db, row, res);
  }
  return "retry";
}

async function confirmed(db: RsDb, row: BlobRow, deps: UploadDeps): Promise<UploadOutcome> {
  await confirmUpload(db, row.id);
  deps.onBytes?.(row.id, row.size);
  return "confirmed";
}

/** A response that ends this attempt: which outcome, and what to keep for the user. */
async function stopOn(db: RsDb, row: BlobRow, res: Response): Promise<UploadOutcome> {
  if (res.status === 401) throw new SessionExpired();
  if (res.status === 404) return "waiting";
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  const error = {
    code: body.code ?? `HTTP_${res.status}`,
    message: body.message ?? `The server answered ${res.status}.`,
  };
  if ([400, 403, 413, 415].includes(res.status)) return refuse(db, row, error);
  await recordUploadError(db, row.id, error);
  return "retry";
}

async function refuse(db: RsDb, row: BlobRow, error: { code: string; message: string }): Promise<UploadOutcome> {
  await recordUploadError(db, row.id, error, true);
  return "refused";
}

/** A network failure is an answer too: null, try later. */
async function attempt(request: () => Promise<Response>): Promise<Response | null> {
  try {
    return await request();
  } catch {
    return null;
  }
}
