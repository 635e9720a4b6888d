import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { beforeEach, describe, expect, it } from "vitest";
import type { BlobRow, LocalRepair, RsDb } from "../store/db";
import { FakeUploadServer, sha256Of } from "../test-support/fake-upload-server";
import { testDb } from "../test-support/test-db";
import { SessionExpired } from "./errors";
import { uploadAttachment } from "./upload-attachment";
import { uploadAttachments } from "./upload-attachments";

let db: RsDb;
let server: FakeUploadServer;
const REPAIR = "5b0c1f00-0000-4000-8000-000000000001";

beforeEach(async () => {
  db = testDb();
  server = new FakeUploadServer();
  await db.localRepairs.add({ id: REPAIR, sync: "sent", attachmentIds: [] } as unknown as LocalRepair);
});

function bytes(size: number, seed = 7): Uint8Array<ArrayBuffer> {
  return new Uint8Array(size).map((_, i) => (i * seed + (i >> 8)) % 256);
}

async function stored(size: number, over: Partial<BlobRow> = {}): Promise<BlobRow> {
  const data = bytes(size);
  const row: BlobRow = {
    id: crypto.randomUUID(),
    ownerType: "repair",
    ownerId: REPAIR,
    sha256: sha256Of(data),
    mimeType: "image/jpeg",
    size,
    kind: "PHOTO",
    stage: "DAMAGE",
    uploadedBytes: 0,
    confirmed: 0,
    ownerAcknowledged: 1,
    createdAt: new Date(),
    ...over,
  };
  await db.blobs.add(row);
  await db.blobContent.add({ id: row.id, blob: new Blob([data], { type: "image/jpeg" }) });
  await db.localRepairs
    .where("id")
    .equals(REPAIR)
    .modify((r) => void r.attachmentIds.push(row.id));
  server.know(row.id, row.sha256, size);
  return row;
}

describe("uploadAttachment", () => {
  it("sends the bytes in chunks and confirms them; the last one settles its repair", async () => {
    const row = await stored(UPLOAD_CHUNK_BYTES * 2 + 1000);
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("confirmed");
    expect(server.requests).toEqual([
      `GET ${row.id}`,
      `PUT ${row.id}?offset=0`,
      `PUT ${row.id}?offset=${UPLOAD_CHUNK_BYTES}`,
      `PUT ${row.id}?offset=${2 * UPLOAD_CHUNK_BYTES}`,
    ]);
    expect(server.files.get(row.id)?.complete).toBe(true);
    expect(await db.blobs.get(row.id)).toMatchObject({ confirmed: 1, uploadedBytes: row.size });
    expect((await db.localRepairs.get(REPAIR))?.sync).toBe("synced");
  });

  it("resumes from what the server already holds (GET first)", async () => {
    const row = await stored(UPLOAD_CHUNK_BYTES + 500);
    server.know(row.id, row.sha256, row.size, UPLOAD_CHUNK_BYTES, bytes(row.size));
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("confirmed");
    expect(server.requests).toEqual([`GET ${row.id}`, `PUT ${row.id}?offset=${UPLOAD_CHUNK_BYTES}`]);
  });

  it("on 409 continues from the server's offset instead of starting over", async () => {
    const row = await stored(UPLOAD_CHUNK_BYTES + 10);
    const realFetch = server.fetch;
    let first = true;
    // Between our GET and PUT the server got the first chunk from an earlier, lost request.
    const racing: typeof fetch = async (input, init) => {
      if (init?.method === "PUT" && first) {
        first = false;
        server.know(row.id, row.sha256, row.size, UPLOAD_CHUNK_BYTES, bytes(row.size));
      }
      return realFetch(input, init);
    };
    expect(await uploadAttachment(db, row, { fetch: racing })).toBe("confirmed");
    expect(server.requests.slice(1)).toEqual([`PUT ${row.id}?offset=0`, `PUT ${row.id}?offset=${UPLOAD_CHUNK_BYTES}`]);
  });

  it("a dropped connection keeps the progress; the next run resumes where the server is", async () => {
    const row = await stored(UPLOAD_CHUNK_BYTES * 2);
    server.dropAfterStore = 1;
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("retry");
    expect(server.files.get(row.id)?.received).toBe(UPLOAD_CHUNK_BYTES);
    expect((await db.blobs.get(row.id))?.confirmed).toBe(0);
    server.requests = [];
    expect(await uploadAttachment(db, (await db.blobs.get(row.id))!, { fetch: server.fetch })).toBe("confirmed");
    expect(server.requests).toEqual([`GET ${row.id}`, `PUT ${row.id}?offset=${UPLOAD_CHUNK_BYTES}`]);
  });

  it("404: the record is not on the server yet, so it waits", async () => {
    const row = await stored(100);
    server.files.delete(row.id);
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("waiting");
    expect(await db.blobs.get(row.id)).toMatchObject({ confirmed: 0 });
  });

  it("a complete blob on the server (same content) is confirmed without sending bytes", async () => {
    const row = await stored(100);
    server.files.get(row.id)!.complete = true;
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("confirmed");
    expect(server.requests).toEqual([`GET ${row.id}`]);
  });

  it("a checksum mismatch resends once from 0, then gives up with an error", async () => {
    const row = await stored(300, { sha256: "f".repeat(64) });
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("refused");
    expect(server.requests.filter((r) => r.startsWith("PUT"))).toHaveLength(2);
    expect(await db.blobs.get(row.id)).toMatchObject({ confirmed: 0, lastError: { code: "CHECKSUM_MISMATCH" } });
  });

  it("keeps the server's refusal (type, size) to show, and does not retry it", async () => {
    const row = await stored(300);
    server.refuseWith = {
      status: 415,
      code: "WRONG_FILE_TYPE",
      message: "A photo must be image/jpeg, image/png, image/webp; this file is image/gif.",
    };
    expect(await uploadAttachment(db, row, { fetch: server.fetch })).toBe("refused");
    expect((await db.blobs.get(row.id))?.lastError?.message).toMatch(/photo must be/);
    const summary = await uploadAttachments(db, { fetch: server.fetch });
    expect(summary).toEqual({ confirmed: 0, waiting: 0, retry: 0, refused: 0 });
  });

  it("an expired session stops the upload", async () => {
    const row = await stored(300);
    server.sessionExpired = true;
    await expect(uploadAttachment(db, row, { fetch: server.fetch })).rejects.toThrow(SessionExpired);
  });
});

describe("uploadAttachments", () => {
  it("uploads 3 at a time, only for records the server has, and reports bytes", async () => {
    const rows = await Promise.all(Array.from({ length: 7 }, () => stored(5000)));
    await stored(5000, { ownerAcknowledged: 0 });
    const seen: [number, number][] = [];
    const summary = await uploadAttachments(db, {
      fetch: server.fetch,
      onProgress: (sent, total) => seen.push([sent, total]),
    });
    expect(summary.confirmed).toBe(7);
    expect(server.maxInFlight).toBe(3);
    expect(seen.at(-1)).toEqual([35000, 35000]);
    expect(await db.blobs.where("confirmed").equals(1).count()).toBe(rows.length);
    expect((await db.localRepairs.get(REPAIR))?.sync).toBe("sent"); // one photo still waits for its record
  });
});
