// An in-memory /api/uploads as docs/sync-protocol.md §3 describes it, behind a fetch function:
// GET for the state, PUT ?offset=n for a chunk, 409 with the server's offset, 422 on a wrong
// checksum (bytes reset), 404 for metadata it does not know. Knobs simulate failures.
import { createHash } from "node:crypto";
import { UPLOAD_CHUNK_BYTES } from "~/domain";

type Stored = { sha256: string; size: number; bytes: Uint8Array; received: number; complete: boolean };

export class FakeUploadServer {
  files = new Map<string, Stored>();
  requests: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Answer this many next PUTs with a dropped connection, after storing their bytes. */
  dropAfterStore = 0;
  /** Next GETs answer 401. */
  sessionExpired = false;
  refuseWith: { status: number; code: string; message: string } | null = null;

  know(id: string, sha256: string, size: number, received = 0, bytes?: Uint8Array): void {
    const stored = new Uint8Array(size);
    if (bytes) stored.set(bytes.subarray(0, received));
    this.files.set(id, { sha256, size, bytes: stored, received, complete: false });
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), "http://device.test");
    const id = decodeURIComponent(url.pathname.split("/").pop()!);
    const method = init.method ?? "GET";
    this.requests.push(`${method} ${id}${url.search}`);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 1));
      if (this.sessionExpired) return json(401, { code: "UNAUTHORIZED" });
      const file = this.files.get(id);
      if (!file) return json(404, { code: "NOT_FOUND" });
      if (method === "GET")
        return json(200, {
          attachmentId: id,
          sha256: file.sha256,
          sizeBytes: file.size,
          receivedBytes: file.received,
          complete: file.complete,
        });
      if (this.refuseWith)
        return json(this.refuseWith.status, { code: this.refuseWith.code, message: this.refuseWith.message });
      const offset = Number(url.searchParams.get("offset"));
      if (offset !== file.received) return json(409, { receivedBytes: file.received });
      const chunk = new Uint8Array(await (init.body as Blob).arrayBuffer());
      if (chunk.length > UPLOAD_CHUNK_BYTES) return json(400, { code: "CHUNK_TOO_LARGE", message: "too big" });
      file.bytes.set(chunk, offset);
      file.received += chunk.length;
      if (file.received === file.size) {
        const sha = createHash("sha256").update(file.bytes).digest("hex");
        if (sha !== file.sha256) {
          file.received = 0;
          return json(422, { code: "CHECKSUM_MISMATCH" });
        }
        file.complete = true;
      }
      if (this.dropAfterStore > 0) {
        this.dropAfterStore--;
        throw new TypeError("Failed to fetch");
      }
      return json(200, { receivedBytes: file.received, complete: file.complete });
    } finally {
      this.inFlight--;
    }
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
