// The upload and content routes on each blob store: a photo goes up in chunks, the server
// restarts halfway (a new store object on the same folder or bucket), the device resumes from the
// server's count, and the bytes read back are the ones sent, never kept in PostgreSQL.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { type BlobStore, blobStore, createFileBlobStore, createS3BlobStore, setBlobStore } from "~/server/blobs";
import { attachmentContentResponse } from "~/server/http/content-response";
import { chunkResponse, uploadStatusResponse } from "~/server/http/upload-responses";
import { type TestS3Server, startS3Server } from "../../support/s3-server";
import { fileOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const put = (attachmentId: string, offset: number, body: Uint8Array) =>
  new Request(`http://localhost/api/uploads/${attachmentId}?offset=${offset}`, {
    method: "PUT",
    body: Buffer.from(body),
    headers: { "Content-Type": "application/octet-stream" },
  });

describe("uploads through the routes, on the file store and on S3", () => {
  const world = useWorld();
  let s3: TestS3Server;
  const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-"));
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const stores: [string, () => BlobStore][] = [
    ["the file store", () => createFileBlobStore(root)],
    ["the S3 store", () => createS3BlobStore(s3.settings)],
  ];

  for (const [name, open] of stores) {
    it(`${name}: resumes after a restart, checks the whole, serves it with the same headers`, async () => {
      setBlobStore(open());
      const photo = fileOf(700_000);
      const id = photo.meta.id;
      const tina = world.tina.actor;
      await push(world.db, world.tina, [
        repairCapture(world.walk, { unitNumber: `S-${name}`, attachments: [photo.meta] }),
      ]);
      for (const offset of [0, UPLOAD_CHUNK_BYTES]) {
        const res = await chunkResponse(
          world.db,
          tina,
          id,
          put(id, offset, photo.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)),
        );
        expect(res.status).toBe(200);
      }

      setBlobStore(open()); // the server restarted: nothing of the upload is in memory
      const status = await (await uploadStatusResponse(world.db, tina, id)).json();
      expect(status).toMatchObject({ receivedBytes: 2 * UPLOAD_CHUNK_BYTES, complete: false });
      const last = await chunkResponse(
        world.db,
        tina,
        id,
        put(id, status.receivedBytes, photo.bytes.subarray(status.receivedBytes)),
      );
      expect([last.status, await last.json()]).toEqual([200, { receivedBytes: 700_000, complete: true }]);

      const blob = await world.db.storedBlob.findUniqueOrThrow({ where: { sha256: photo.meta.sha256 } });
      expect(blob).toMatchObject({ content: null, storeKey: expect.any(String), sizeBytes: 700_000 });
      expect(await blobStore().exists(blob.storeKey!)).toBe(true);
      expect(await world.db.partialUpload.count({ where: { attachmentId: id } })).toBe(0);
      await expect(blobStore().openPartial(id, 1)).rejects.toMatchObject({ name: "BlobMissing" });

      const res = await attachmentContentResponse(world.db, world.carla.actor, id);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      expect(res.headers.get("content-length")).toBe("700000");
      expect(res.headers.get("etag")).not.toContain(photo.meta.sha256);
      expect(res.headers.get("cache-control")).toBe("private, max-age=86400");
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(photo.bytes))).toBe(true);
      expect((await attachmentContentResponse(world.db, world.gus.actor, id)).status).toBe(404);
    });
  }

  it("the file store: a mismatched whole leaves no blob, and the upload starts over from 0", async () => {
    setBlobStore(createFileBlobStore(root));
    const declared = fileOf(300_000);
    const sent = fileOf(300_000);
    const id = declared.meta.id;
    await push(world.db, world.tina, [repairCapture(world.walk, { unitNumber: "S-X", attachments: [declared.meta] })]);
    const before = readdirSync(root, { recursive: true }).length;
    await chunkResponse(world.db, world.tina.actor, id, put(id, 0, sent.bytes.subarray(0, UPLOAD_CHUNK_BYTES)));
    const res = await chunkResponse(
      world.db,
      world.tina.actor,
      id,
      put(id, UPLOAD_CHUNK_BYTES, sent.bytes.subarray(UPLOAD_CHUNK_BYTES)),
    );
    expect([res.status, await res.json()]).toEqual([
      422,
      expect.objectContaining({ code: "CHECKSUM_MISMATCH", receivedBytes: 0 }),
    ]);
    expect(await world.db.storedBlob.count({ where: { sha256: declared.meta.sha256 } })).toBe(0);
    expect(await world.db.partialUpload.findUnique({ where: { attachmentId: id } })).toMatchObject({
      receivedBytes: 0,
    });
    // The right bytes, sent again from 0, overwrite what the store kept; once stored, no partial is left.
    for (const offset of [0, UPLOAD_CHUNK_BYTES]) {
      const again = await chunkResponse(
        world.db,
        world.tina.actor,
        id,
        put(id, offset, declared.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)),
      );
      expect(again.status).toBe(200);
    }
    expect(await world.db.storedBlob.count({ where: { sha256: declared.meta.sha256 } })).toBe(1);
    expect(readdirSync(path.join(root, "partial"))).not.toContain(id);
    // The stored blob and its folder, nothing else.
    expect(readdirSync(root, { recursive: true }).length).toBeLessThanOrEqual(before + 2);
  });
});
