// Every route that reads a body stops at its limit: sign-in a few KB, tRPC 1 MB, an upload chunk
// its chunk size, and none reads a longer body whole, announced or streamed without a length.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPC_MAX_BATCH_CALLS, UPLOAD_CHUNK_BYTES } from "~/domain";
import { POST as authPost } from "~/app/api/auth/[...nextauth]/route";
import { GET as trpcGet, POST as trpcPost } from "~/app/api/trpc/[trpc]/route";
import type { ActorWithIdentity } from "~/server/auth/actor";
import { AUTH_BODY_BYTES, TRPC_BODY_BYTES } from "~/server/http/body-limit";
import { chunkResponse } from "~/server/http/upload-responses";
import { streamed, streamedBody } from "../../support/endless-body";
import { fileOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const MB = 1024 * 1024;
const json = { "content-type": "application/json" };
const signInUrl = "http://localhost:3000/api/auth/callback/credentials";
const authContext = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

describe("request body limits", () => {
  it("a sign-in post of 300 MB is refused after a few KB: 413 BODY_TOO_LARGE", async () => {
    const { body, state } = streamedBody(300 * MB);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const response = await authPost(
      new Request(signInUrl, { method: "POST", headers: form, ...streamed(body) }),
      authContext,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
    expect(state.pulled).toBeLessThanOrEqual(AUTH_BODY_BYTES + 64 * 1024);

    const announced = await authPost(
      new Request(signInUrl, { method: "POST", headers: { ...form, "content-length": String(300 * MB) }, body: "x" }),
      authContext,
    );
    expect(announced.status).toBe(413);
  });

  it("a 20 MB tRPC call is refused after 1 MB, with or without a Content-Length", async () => {
    const url = "http://localhost:3000/api/trpc/repair.approve";
    const big = JSON.stringify({ json: { ids: [], pad: "x".repeat(20 * MB) } });
    const announced = await trpcPost(new Request(url, { method: "POST", headers: json, body: big }));
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ code: "BODY_TOO_LARGE" });

    const { body, state } = streamedBody(20 * MB);
    const response = await trpcPost(new Request(url, { method: "POST", headers: json, ...streamed(body) }));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(TRPC_BODY_BYTES + 64 * 1024);
  });

  it(`a tRPC batch of more than ${TRPC_MAX_BATCH_CALLS} calls is refused before any runs`, async () => {
    const paths = Array.from({ length: 100 }, () => "sync.prepare").join(",");
    const response = await trpcGet(new Request(`http://localhost:3000/api/trpc/${paths}?batch=1&input={}`));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("Batch call exceeds maximum size");
  });

  describe("an upload chunk", () => {
    const world = useWorld();
    const file = fileOf(300_000);
    let tina: ActorWithIdentity;

    beforeAll(async () => {
      tina = world.tina.actor;
      await push(world.db, world.tina, [repairCapture(world.walk, { unitNumber: "L-1", attachments: [file.meta] })]);
    });

    it("streamed without a length beyond the chunk size is cut off there, not buffered", async () => {
      const { body, state } = streamedBody(50 * MB);
      const id = file.meta.id;
      const request = new Request(`http://localhost/api/uploads/${id}?offset=0`, {
        method: "PUT",
        headers: { "content-type": "application/octet-stream" },
        ...streamed(body),
      });
      const response = await chunkResponse(world.db, tina, id, request);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "CHUNK_TOO_LARGE" });
      expect(state.pulled).toBeLessThanOrEqual(UPLOAD_CHUNK_BYTES + 64 * 1024);
    });

    it("of the right size is still taken", async () => {
      const id = file.meta.id;
      const response = await chunkResponse(
        world.db,
        tina,
        id,
        new Request(`http://localhost/api/uploads/${id}?offset=0`, {
          method: "PUT",
          body: Buffer.from(file.bytes.subarray(0, UPLOAD_CHUNK_BYTES)),
        }),
      );
      expect([response.status, await response.json()]).toEqual([
        200,
        { receivedBytes: UPLOAD_CHUNK_BYTES, complete: false },
      ]);
    });
  });
});
