// The blob store's orphan sweep on each store, against a real database: bytes no row names are
// deleted once a week old, and nothing a row names, nothing younger, nothing of an upload that
// began again meanwhile; a store that looks shared with another database is left alone.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { type BlobStore, type Listed, createFileBlobStore, createS3BlobStore, setBlobStore } from "~/server/blobs";
import { sweepOrphanBlobs } from "~/server/blobs/sweep-orphans";
import { attachmentContentResponse } from "~/server/http/content-response";
import { chunkResponse } from "~/server/http/upload-responses";
import { type TestS3Server, startS3Server } from "../../support/s3-server";
import { fileOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Eight days on: everything written by this test is past the week's grace. */
const later = () => new Date(Date.now() + 8 * DAY_MS);

const put = (attachmentId: string, offset: number, body: Uint8Array) =>
  new Request(`http://localhost/api/uploads/${attachmentId}?offset=${offset}`, {
    method: "PUT",
    body: Buffer.from(body),
    headers: { "Content-Type": "application/octet-stream" },
  });

async function keysOf(pages: AsyncIterable<Listed[]>): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of pages) keys.push(...page.map((item) => item.key));
  return keys;
}

/** Bytes stored with no row naming them: a server killed between writing and naming them. */
async function strayBlob(store: BlobStore): Promise<string> {
  const bytes = randomBytes(5_000);
  return store.put(bytes, { sha256: createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.length });
}

describe("the blob store's orphan sweep", () => {
  const world = useWorld();
  let s3: TestS3Server;
  const roots: string[] = [];
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3.stop();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  const stores: [string, () => BlobStore][] = [
    [
      "the file store",
      () => {
        const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-sweep-"));
        roots.push(root);
        return createFileBlobStore(root);
      },
    ],
    ["the S3 store", () => createS3BlobStore(s3.settings)],
  ];

  const tina = () => world.tina.actor;
  const capture = async (label: string, size: number) => {
    const photo = fileOf(size);
    await push(world.db, world.tina, [repairCapture(world.walk, { unitNumber: label, attachments: [photo.meta] })]);
    return photo;
  };
  const send = async (photo: { bytes: Uint8Array; meta: { id: string } }, offset: number) => {
    const res = await chunkResponse(
      world.db,
      tina(),
      photo.meta.id,
      put(photo.meta.id, offset, photo.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)),
    );
    expect(res.status).toBe(200);
    return (await res.json()) as { receivedBytes: number; complete: boolean };
  };

  for (const [name, open] of stores) {
    it(`${name}: deletes week-old bytes no row names, and keeps stored photos and uploads in progress`, async () => {
      const store = open();
      setBlobStore(store);
      const tag = name.includes("S3") ? "S3" : "F";
      // Named: a photo uploaded whole, and one halfway up.
      const stored = await capture(`SW-${tag}-1`, 300_000);
      await send(stored, 0);
      expect(await send(stored, UPLOAD_CHUNK_BYTES)).toMatchObject({ complete: true });
      const halfway = await capture(`SW-${tag}-2`, 400_000);
      await send(halfway, 0);
      // Named by nothing: bytes a crash left, the upload of an attachment gone with its repair,
      // and an upload whose row was dropped as abandoned while dropping its bytes failed.
      const stray = await strayBlob(store);
      const goneAttachment = randomUUID();
      await store.writePartial(goneAttachment, 0, randomBytes(1_000));
      const abandoned = await capture(`SW-${tag}-3`, 300_000);
      await store.writePartial(abandoned.meta.id, 0, abandoned.bytes.subarray(0, 1_000));

      // Young: nothing to judge yet.
      expect(await sweepOrphanBlobs(world.db, store)).toMatchObject({ oldBlobs: 0, oldPartials: 0, deletedBlobs: 0 });
      // A dry run counts and deletes nothing.
      expect(await sweepOrphanBlobs(world.db, store, { now: later(), dryRun: true })).toMatchObject({
        oldBlobs: 2,
        orphanBlobs: 1,
        orphanBlobBytes: 5_000,
        oldPartials: 3,
        orphanPartials: 2,
        orphanPartialBytes: 2_000,
        deletedBlobs: 0,
        deletedPartials: 0,
      });
      expect(await store.exists(stray)).toBe(true);

      expect(await sweepOrphanBlobs(world.db, store, { now: later() })).toMatchObject({
        deletedBlobs: 1,
        deletedPartials: 2,
        refused: null,
      });
      expect(await store.exists(stray)).toBe(false);
      expect(await keysOf(store.listPartials())).toEqual([halfway.meta.id]);
      // The stored photo reads back whole; the upload in progress goes on where it was.
      const res = await attachmentContentResponse(world.db, world.carla.actor, stored.meta.id);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(stored.bytes))).toBe(true);
      expect(await send(halfway, UPLOAD_CHUNK_BYTES)).toMatchObject({ receivedBytes: 400_000, complete: true });
      const resumed = await attachmentContentResponse(world.db, world.carla.actor, halfway.meta.id);
      expect(Buffer.from(await resumed.arrayBuffer()).equals(Buffer.from(halfway.bytes))).toBe(true);
      expect(await sweepOrphanBlobs(world.db, store, { now: later() })).toMatchObject({
        orphanBlobs: 0,
        orphanPartials: 0,
      });
    });

    it(`${name}: keeps the bytes of an upload that began again after the sweep listed it`, async () => {
      const store = open();
      const photo = await capture(`SW-${name.includes("S3") ? "S3" : "F"}-4`, 300_000);
      await store.writePartial(photo.meta.id, 0, photo.bytes.subarray(0, 1_000)); // its row dropped as abandoned
      const stray = await strayBlob(store);
      // The phone comes back while the sweep deletes the stray file (after it listed the upload).
      let resumed = false;
      const racing = Object.create(store) as BlobStore;
      racing.delete = async (key) => {
        await store.delete(key);
        if (!resumed) {
          resumed = true;
          expect(await send(photo, 0)).toMatchObject({ receivedBytes: UPLOAD_CHUNK_BYTES });
        }
      };
      setBlobStore(store);
      const report = await sweepOrphanBlobs(world.db, racing, { now: later() });
      expect(report).toMatchObject({ orphanBlobs: 1, orphanPartials: 1, deletedBlobs: 1, deletedPartials: 0 });
      expect(await store.exists(stray)).toBe(false);
      expect(await send(photo, UPLOAD_CHUNK_BYTES)).toMatchObject({ receivedBytes: 300_000, complete: true });
    });
  }

  it("refuses when most of a store is named by no row (another database's store), unless forced", async () => {
    const store = stores[0]![1]();
    setBlobStore(store);
    const photo = await capture("SW-R", 1_000);
    await send(photo, 0);
    const strays = await Promise.all(Array.from({ length: 25 }, () => strayBlob(store)));

    const refused = await sweepOrphanBlobs(world.db, store, { now: later() });
    expect(refused).toMatchObject({ oldBlobs: 26, orphanBlobs: 25, deletedBlobs: 0 });
    expect(refused.refused).toContain("25 of the 26 stored files");
    for (const key of strays) expect(await store.exists(key)).toBe(true);

    expect(await sweepOrphanBlobs(world.db, store, { now: later(), force: true })).toMatchObject({ deletedBlobs: 25 });
    expect(await keysOf(store.listBlobs())).toHaveLength(1);
  });
});
