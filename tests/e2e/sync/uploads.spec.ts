// The upload and content routes over real HTTP, with next-auth sessions (docs/sync-protocol.md
// §3): chunks, a resume after 409, and who may read the bytes. The walk is an admin's, at
// Interstate for Sam, so the demo walks other suites use stay untouched.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { signedInApi } from "../support/api-session";
import { trpcMutation, trpcQuery } from "../support/trpc";

type Me = { customerId: string | null; technician: { id: string } | null };
type Push = { results: { ok: boolean }[] };

test("an attachment goes up in chunks, resumes after a 409, and is read only by those who may see its repair", async ({
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const interstate = await signedInApi(playwright, baseURL!, "customer2@demo.test");
  const sam = await signedInApi(playwright, baseURL!, "tech3@demo.test");
  const interstateMe = await trpcQuery<Me>(interstate, "session.me");
  const samMe = await trpcQuery<Me>(sam, "session.me");
  if (!interstateMe.ok || !samMe.ok) throw new Error("session.me failed");
  const customerId = interstateMe.data.customerId!;

  const bytes = new Uint8Array(randomBytes(300_000));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]); // a JPEG's first bytes: the server checks content against its type
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const photo = {
    id: randomUUID(),
    kind: "PHOTO",
    photoStage: "DAMAGE",
    mimeType: "image/jpeg",
    sizeBytes: bytes.length,
    sha256,
  };
  const walkId = randomUUID();
  const pushed = await trpcMutation<Push>(admin, "sync.push", {
    deviceId: randomUUID(),
    mutations: [
      {
        id: randomUUID(),
        type: "walk.start",
        payload: { id: walkId, customerId, technicianId: samMe.data.technician!.id },
      },
      {
        id: randomUUID(),
        type: "repair.capture",
        payload: {
          id: randomUUID(),
          walkId,
          customerId,
          unitNumber: "TRK-E2E",
          damageType: "CHIP",
          attachments: [photo],
        },
      },
    ],
  });
  expect(pushed.ok && pushed.data.results.map((r) => r.ok)).toEqual([true, true]);

  const url = `/api/uploads/${photo.id}`;
  expect(await (await admin.get(url)).json()).toMatchObject({
    receivedBytes: 0,
    complete: false,
    sizeBytes: 300_000,
  });
  const chunk = (offset: number) => Buffer.from(bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES));
  const put = (offset: number) =>
    admin.put(`${url}?offset=${offset}`, {
      data: chunk(offset),
      headers: { "Content-Type": "application/octet-stream" },
    });
  expect((await put(0)).status()).toBe(200);
  const stale = await put(0); // the answer was "lost": the same chunk again
  expect(stale.status()).toBe(409);
  const { receivedBytes } = (await stale.json()) as { receivedBytes: number };
  expect(receivedBytes).toBe(UPLOAD_CHUNK_BYTES);
  const last = await put(receivedBytes);
  expect([last.status(), await last.json()]).toEqual([200, { receivedBytes: 300_000, complete: true }]);

  const contentUrl = `/api/attachments/${photo.id}/content`;
  const content = await interstate.get(contentUrl);
  expect(content.status()).toBe(200);
  expect(content.headers()["content-type"]).toBe("image/jpeg");
  expect(content.headers()["cache-control"]).toMatch(/^private, max-age=\d+$/);
  expect(
    createHash("sha256")
      .update(await content.body())
      .digest("hex"),
  ).toBe(sha256);

  const summit = await signedInApi(playwright, baseURL!, "customer@demo.test");
  expect((await summit.get(contentUrl)).status()).toBe(404);
  const taylor = await signedInApi(playwright, baseURL!, "tech@demo.test");
  expect((await taylor.get(contentUrl)).status()).toBe(404); // neither his repair nor his team's
  expect((await taylor.get(url)).status()).toBe(403); // not his to upload
  expect((await sam.get(contentUrl)).status()).toBe(200); // assigned to him
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(contentUrl)).status()).toBe(401);
  expect((await anonymous.put(`${url}?offset=0`, { data: chunk(0) })).status()).toBe(401);
});
