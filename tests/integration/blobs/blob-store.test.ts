// Both blob stores keep the same promises: bytes checked against their sha256 before they are
// under a key, ranges, uploads in progress that survive a new store object (a restarted server).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BlobMismatch,
  BlobMissing,
  type BlobStore,
  type Listed,
  createFileBlobStore,
  createS3BlobStore,
} from "~/server/blobs";
import { bytesOf } from "../../support/blobs";
import { type TestS3Server, startS3Server } from "../../support/s3-server";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const expectedOf = (bytes: Uint8Array) => ({ sha256: sha256(bytes), sizeBytes: bytes.length });

/** The same tests for each store; `reopen` makes a new store object on the same storage. */
function behavesAsBlobStore(name: string, setUp: () => Promise<{ store: () => BlobStore; reopen: () => BlobStore }>) {
  describe(name, () => {
    let stores: { store: () => BlobStore; reopen: () => BlobStore };
    beforeAll(async () => {
      stores = await setUp();
    });

    it("stores bytes and a stream under new internal keys, and reads them whole or by range", async () => {
      const store = stores.store();
      const photo = randomBytes(200_000);
      const key = await store.put(photo, expectedOf(photo));
      expect(key).not.toContain(sha256(photo));
      expect(await store.exists(key)).toBe(true);
      expect((await bytesOf(await store.open(key))).equals(photo)).toBe(true);
      expect((await bytesOf(await store.open(key, { start: 10, end: 19 }))).equals(photo.subarray(10, 20))).toBe(true);

      // Above S3's 5 MB part: a multipart upload there.
      const big = randomBytes(6 * 1024 * 1024 + 123);
      const streamed = await store.put(
        Readable.from([big.subarray(0, 1_000_000), big.subarray(1_000_000)]),
        expectedOf(big),
      );
      expect(streamed).not.toBe(key);
      expect(sha256(await bytesOf(await stores.reopen().open(streamed)))).toBe(sha256(big));

      await store.delete(key);
      expect(await store.exists(key)).toBe(false);
      await expect(store.open(key)).rejects.toBeInstanceOf(BlobMissing);
      await store.delete(key); // nothing there: not an error
    });

    it("keeps nothing under a key when the bytes do not match their sha256 or size", async () => {
      const store = stores.store();
      const bytes = randomBytes(50_000);
      await expect(store.put(bytes, { sha256: sha256(randomBytes(10)), sizeBytes: 50_000 })).rejects.toBeInstanceOf(
        BlobMismatch,
      );
      await expect(store.put(bytes, { sha256: sha256(bytes), sizeBytes: 49_999 })).rejects.toBeInstanceOf(BlobMismatch);
    });

    it("keeps an upload in progress across a new store object, overwriting what a retried chunk replaces", async () => {
      const id = crypto.randomUUID();
      const bytes = randomBytes(700_000);
      await stores.store().writePartial(id, 0, bytes.subarray(0, 300_000));
      // A chunk whose database write rolled back, then the same offset again from the device.
      await stores.store().writePartial(id, 300_000, randomBytes(300_000));
      const later = stores.reopen();
      await later.writePartial(id, 300_000, bytes.subarray(300_000, 600_000));
      await later.writePartial(id, 600_000, bytes.subarray(600_000));
      expect((await bytesOf(await later.openPartial(id, 700_000))).equals(bytes)).toBe(true);
      expect((await bytesOf(await later.openPartial(id, 300_000))).equals(bytes.subarray(0, 300_000))).toBe(true);
      const key = await later.put(await later.openPartial(id, 700_000), expectedOf(bytes));
      expect(sha256(await bytesOf(await later.open(key)))).toBe(sha256(bytes));
      await later.dropPartial(id);
      await expect(later.openPartial(id, 700_000)).rejects.toBeInstanceOf(BlobMissing);
    });

    it("lists its complete blobs and its uploads in progress, with their sizes and times", async () => {
      const store = stores.store();
      const started = Date.now() - 60_000; // S3 keeps whole seconds, and clocks differ a little
      const [a, b] = [randomBytes(1_000), randomBytes(2_345)];
      const keys = [await store.put(a, expectedOf(a)), await store.put(b, expectedOf(b))];
      const upload = crypto.randomUUID();
      await store.writePartial(upload, 0, randomBytes(300));
      await store.writePartial(upload, 300, randomBytes(200));

      const all = async (pages: AsyncIterable<Listed[]>) => {
        const items: Listed[] = [];
        for await (const page of pages) items.push(...page);
        return items;
      };
      const blobs = await all(stores.reopen().listBlobs());
      expect(
        blobs
          .filter((item) => keys.includes(item.key))
          .map((item) => item.sizeBytes)
          .sort(),
      ).toEqual([1_000, 2_345]);
      for (const item of blobs) expect(item.writtenAt.getTime()).toBeGreaterThan(started);
      expect((await all(store.listPartials())).find((item) => item.key === upload)?.sizeBytes).toBe(500);

      await store.delete(keys[0]!);
      await store.dropPartial(upload);
      expect((await all(store.listBlobs())).map((item) => item.key)).not.toContain(keys[0]);
      expect((await all(store.listPartials())).map((item) => item.key)).not.toContain(upload);
    });
  });
}

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

behavesAsBlobStore("the file store", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-"));
  folders.push(root);
  const store = createFileBlobStore(root);
  return { store: () => store, reopen: () => createFileBlobStore(root) };
});

let s3: TestS3Server | undefined;
afterAll(() => s3?.stop());
behavesAsBlobStore("the S3 store (s3rver on loopback)", async () => {
  s3 = await startS3Server();
  const store = createS3BlobStore(s3.settings);
  return { store: () => store, reopen: () => createS3BlobStore(s3!.settings) };
});

describe("the file store after a crash", () => {
  it("never shows a half-written file under a key, and deletes what a crash left in tmp/ once stale", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-"));
    folders.push(root);
    // A process died mid-write: its temp file, two hours old, and one being written right now.
    mkdirSync(path.join(root, "tmp"));
    const stale = path.join(root, "tmp", "crashed");
    writeFileSync(stale, randomBytes(1_000));
    utimesSync(stale, new Date(Date.now() - 2 * 60 * 60 * 1000), new Date(Date.now() - 2 * 60 * 60 * 1000));
    const fresh = path.join(root, "tmp", "in-progress");
    writeFileSync(fresh, randomBytes(1_000));

    const store = createFileBlobStore(root);
    const bytes = randomBytes(10_000);
    const key = await store.put(bytes, expectedOf(bytes));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    // Only complete, checked files are under keys; the refused put left nothing behind either.
    await expect(store.put(bytes, { ...expectedOf(bytes), sizeBytes: 1 })).rejects.toBeInstanceOf(BlobMismatch);
    expect(readdirSync(path.join(root, "tmp"))).toEqual(["in-progress"]);
    expect(readdirSync(path.join(root, key.slice(0, 2)))).toEqual([key]);
    expect(sha256(await bytesOf(await store.open(key)))).toBe(sha256(bytes));
    // A name that is not a key never reaches outside the store.
    await expect(store.open("../tmp/in-progress")).rejects.toBeInstanceOf(BlobMissing);
  });
});
