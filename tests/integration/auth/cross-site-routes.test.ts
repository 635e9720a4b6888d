// The API route handlers themselves refuse what another site's page sends, before reading the
// session (which needs Next's request scope: same-origin calls are exercised by the e2e suite).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PUT as uploadChunk } from "~/app/api/uploads/[attachmentId]/route";
import { POST as trpcPost } from "~/app/api/trpc/[trpc]/route";

const trpcCall = (headers: Record<string, string>, body = JSON.stringify({ json: { ids: [randomUUID()] } })) =>
  new Request("http://localhost:3000/api/trpc/repair.approve", { method: "POST", body, headers });

describe("cross-site requests to the API", () => {
  it("a tRPC mutation posted by another site's page: 403 CROSS_SITE_REQUEST", async () => {
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      { "content-type": "application/json", origin: "https://evil.example" },
      { "content-type": "text/plain", "sec-fetch-site": "same-site" },
    ]) {
      const response = await trpcPost(trpcCall(headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
    }
  });

  it("a form post (multipart, urlencoded, text/plain) to a tRPC mutation: 415 JSON_REQUIRED", async () => {
    const form = new FormData();
    form.set("ids", randomUUID());
    const multipart = new Request("http://localhost:3000/api/trpc/repair.approve", { method: "POST", body: form });
    for (const request of [
      multipart,
      trpcCall({ "content-type": "application/x-www-form-urlencoded" }, "ids=1"),
      trpcCall({ "content-type": "text/plain" }),
    ]) {
      const response = await trpcPost(request);
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: "JSON_REQUIRED" });
    }
  });

  it("an upload chunk sent by another site's page: 403 CROSS_SITE_REQUEST", async () => {
    const id = randomUUID();
    const response = await uploadChunk(
      new Request(`http://localhost:3000/api/uploads/${id}?offset=0`, {
        method: "PUT",
        body: new Uint8Array([1, 2, 3]),
        headers: { "content-type": "application/octet-stream", "sec-fetch-site": "cross-site" },
      }),
      { params: Promise.resolve({ attachmentId: id }) },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
  });
});
