// The route handlers' logic with real Request and Response objects. The handlers in src/app/api
// only add the session (getServerAuthSession), which needs Next's request scope: that part is
// exercised over HTTP by tests/e2e/sync/uploads.spec.ts.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import type { ActorWithIdentity } from "~/server/auth/actor";
import { attachmentContentResponse } from "~/server/http/content-response";
import { chunkResponse, uploadStatusResponse } from "~/server/http/upload-responses";
import { photo } from "../../support/fixtures";
import { fileOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const put = (attachmentId: string, offset: number | string, body: Uint8Array, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/uploads/${attachmentId}?offset=${offset}`, {
    method: "PUT",
    body: Buffer.from(body),
    headers: { "Content-Type": "application/octet-stream", ...headers },
  });

describe("upload and content routes: statuses, bodies and headers", () => {
  const world = useWorld();
  const file = fileOf(300_000);
  const id = file.meta.id;
  let tina: ActorWithIdentity;

  beforeAll(async () => {
    tina = world.tina.actor;
    await push(world.db, world.tina, [repairCapture(world.walk, { unitNumber: "H-1", attachments: [file.meta] })]);
  });

  it("answers 401 to a signed-out caller and 404 to an unknown or malformed id", async () => {
    expect((await uploadStatusResponse(world.db, null, id)).status).toBe(401);
    expect((await chunkResponse(world.db, null, id, put(id, 0, file.bytes))).status).toBe(401);
    expect((await attachmentContentResponse(world.db, null, id)).status).toBe(401);
    expect((await uploadStatusResponse(world.db, tina, randomUUID())).status).toBe(404);
    expect((await uploadStatusResponse(world.db, tina, "../etc/passwd")).status).toBe(404);
  });

  it("uploads, answers 409 with the server's offset, and 200 complete at the end", async () => {
    const status = await uploadStatusResponse(world.db, tina, id);
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("no-store");
    expect(await status.json()).toEqual({
      attachmentId: id,
      sizeBytes: 300_000,
      receivedBytes: 0,
      complete: false,
    });

    const first = await chunkResponse(world.db, tina, id, put(id, 0, file.bytes.subarray(0, UPLOAD_CHUNK_BYTES)));
    expect([first.status, await first.json()]).toEqual([200, { receivedBytes: UPLOAD_CHUNK_BYTES, complete: false }]);
    const stale = await chunkResponse(world.db, tina, id, put(id, 0, file.bytes.subarray(0, UPLOAD_CHUNK_BYTES)));
    expect([stale.status, await stale.json()]).toEqual([
      409,
      expect.objectContaining({ code: "OFFSET_MISMATCH", receivedBytes: UPLOAD_CHUNK_BYTES }),
    ]);
    const last = await chunkResponse(
      world.db,
      tina,
      id,
      put(id, UPLOAD_CHUNK_BYTES, file.bytes.subarray(UPLOAD_CHUNK_BYTES)),
    );
    expect([last.status, await last.json()]).toEqual([200, { receivedBytes: 300_000, complete: true }]);
  });

  it("serves the content with its type, privately cached, and 404 to another customer", async () => {
    const response = await attachmentContentResponse(world.db, world.carla.actor, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toMatch(new RegExp(`^"${id}\\.[0-9a-z]+"$`));
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(file.bytes))).toBe(true);
    const other = await attachmentContentResponse(world.db, world.gus.actor, id);
    expect([other.status, await other.json()]).toEqual([404, expect.objectContaining({ code: "NOT_FOUND" })]);
  });

  it("answers 422, 413, 415, 403 and 400 with a code and a message", async () => {
    const wrong = fileOf(1_000);
    const declared = { ...wrong.meta, sha256: fileOf(1_000).meta.sha256 };
    const repairs = await push(world.db, world.tina, [
      repairCapture(world.walk, { unitNumber: "H-2", attachments: [declared] }),
    ]);
    expect(repairs.results[0]!.ok).toBe(true);
    const mismatch = await chunkResponse(world.db, tina, declared.id, put(declared.id, 0, wrong.bytes));
    expect([mismatch.status, await mismatch.json()]).toEqual([
      422,
      expect.objectContaining({ code: "CHECKSUM_MISMATCH", receivedBytes: 0 }),
    ]);

    const repairId = (repairs.results[0] as { data: { id: string } }).data.id;
    const stored = (meta: Partial<typeof declared>) =>
      world.db.attachment.create({ data: { ...photo("DAMAGE"), ...meta, repairId, createdById: world.tina.userId } });
    const huge = await stored({ sizeBytes: 20 * 1024 * 1024 });
    const html = await stored({ mimeType: "text/html" });
    const answer = async (response: Promise<Response>) => {
      const r = await response;
      return [r.status, ((await r.json()) as { code: string }).code];
    };
    expect(await answer(chunkResponse(world.db, tina, huge.id, put(huge.id, 0, new Uint8Array(10))))).toEqual([
      413,
      "FILE_TOO_LARGE",
    ]);
    expect(await answer(uploadStatusResponse(world.db, tina, html.id))).toEqual([415, "WRONG_FILE_TYPE"]);
    expect(await answer(uploadStatusResponse(world.db, world.theo.actor, declared.id))).toEqual([403, "NOT_YOURS"]);
    expect(await answer(chunkResponse(world.db, tina, declared.id, put(declared.id, "abc", wrong.bytes)))).toEqual([
      400,
      "BAD_INPUT",
    ]);
    const announcedTooBig = put(declared.id, 0, new Uint8Array(10), {
      "Content-Length": String(UPLOAD_CHUNK_BYTES + 1),
    });
    expect(await answer(chunkResponse(world.db, tina, declared.id, announcedTooBig))).toEqual([400, "CHUNK_TOO_LARGE"]);
    expect(
      await answer(
        chunkResponse(world.db, tina, declared.id, put(declared.id, 0, new Uint8Array(UPLOAD_CHUNK_BYTES + 1))),
      ),
    ).toEqual([400, "CHUNK_TOO_LARGE"]);
  });
});
