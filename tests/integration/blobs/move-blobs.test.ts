// `npm run blobs:move` (moveBlobsToStore): the bytes stored in PostgreSQL before the blob store go
// to the store, checked, and leave the database; a corrupted row is reported and kept; running
// again moves nothing twice. Uploads begun before the store resume into it.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import { blobStore } from "~/server/blobs";
import { moveBlobsToStore } from "~/server/blobs/move-blobs";
import { readAttachmentContent } from "~/server/services/attachments/read-attachment-content";
import { receiveChunk } from "~/server/services/attachments/receive-chunk";
import { uploadStatus } from "~/server/services/attachments/upload-status";
import { bytesOf } from "../../support/blobs";
import { fileOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("moving the bytes stored in the database into the blob store", () => {
  const world = useWorld();
  const stored = fileOf(200_000);
  const corrupted = fileOf(1_000);
  const unfinished = fileOf(2 * UPLOAD_CHUNK_BYTES + 10);
  const untouched = fileOf(UPLOAD_CHUNK_BYTES + 10);

  /** The rows as the app before the blob store wrote them. */
  beforeAll(async () => {
    const metas = [stored.meta, corrupted.meta, unfinished.meta, untouched.meta];
    await push(world.db, world.tina, [repairCapture(world.walk, { unitNumber: "M-1", attachments: metas })]);
    await world.db.attachment.updateMany({
      where: { id: { in: [stored.meta.id, corrupted.meta.id] } },
      data: { uploadedAt: new Date() },
    });
    for (const [file, content] of [
      [stored, stored.bytes],
      [corrupted, Buffer.from(corrupted.bytes).fill(0, 100, 200)], // a bit flipped on disk
    ] as const) {
      await world.db.storedBlob.create({
        data: {
          sha256: file.meta.sha256,
          mimeType: "image/jpeg",
          sizeBytes: file.bytes.length,
          receivedBytes: file.bytes.length,
          content: new Uint8Array(content),
          completedAt: new Date(),
        },
      });
    }
    for (const file of [unfinished, untouched]) {
      await world.db.partialUpload.create({
        data: {
          attachmentId: file.meta.id,
          userId: world.tina.userId,
          sizeBytes: file.bytes.length,
          receivedBytes: UPLOAD_CHUNK_BYTES,
          content: file.bytes.slice(0, UPLOAD_CHUNK_BYTES),
          inStore: false,
        },
      });
    }
  });

  it("serves and resumes what is still in the database before the move", async () => {
    const content = await readAttachmentContent(world.db, world.carla.actor, stored.meta.id);
    expect((await bytesOf(content.body)).equals(Buffer.from(stored.bytes))).toBe(true);
    // This one resumes on its own: its first chunk goes to the store with the second.
    expect(await uploadStatus(world.db, world.tina.actor, untouched.meta.id)).toMatchObject({
      receivedBytes: UPLOAD_CHUNK_BYTES,
    });
    const rest = untouched.bytes.subarray(UPLOAD_CHUNK_BYTES);
    expect(
      await receiveChunk(world.db, world.tina.actor, {
        attachmentId: untouched.meta.id,
        offset: UPLOAD_CHUNK_BYTES,
        bytes: rest,
      }),
    ).toEqual({ receivedBytes: untouched.bytes.length, complete: true });
    const blob = await world.db.storedBlob.findUniqueOrThrow({ where: { sha256: untouched.meta.sha256 } });
    expect(blob).toMatchObject({ content: null, storeKey: expect.any(String) });
  });

  it("moves each file with its sha256 checked, reports the corrupted one, and moves nothing twice", async () => {
    const lines: string[] = [];
    const summary = await moveBlobsToStore(world.db, blobStore(), (line) => lines.push(line));
    expect(summary).toMatchObject({ blobsMoved: 1, uploadsMoved: 1, bytesMoved: 200_000 + UPLOAD_CHUNK_BYTES });
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]).toContain(corrupted.meta.sha256.slice(0, 12));
    expect(lines.join("\n")).toContain("NOT MOVED");

    const moved = await world.db.storedBlob.findUniqueOrThrow({ where: { sha256: stored.meta.sha256 } });
    expect(moved.content).toBeNull();
    const inStore = await bytesOf(await blobStore().open(moved.storeKey!));
    expect(createHash("sha256").update(inStore).digest("hex")).toBe(stored.meta.sha256);
    const kept = await world.db.storedBlob.findUniqueOrThrow({ where: { sha256: corrupted.meta.sha256 } });
    expect(kept).toMatchObject({ storeKey: null, content: expect.any(Uint8Array) });
    expect(
      await world.db.partialUpload.findUniqueOrThrow({ where: { attachmentId: unfinished.meta.id } }),
    ).toMatchObject({ inStore: true, content: new Uint8Array(), receivedBytes: UPLOAD_CHUNK_BYTES });

    const again = await moveBlobsToStore(world.db, blobStore());
    expect(again).toMatchObject({ blobsMoved: 0, uploadsMoved: 0, bytesMoved: 0 });
    expect(again.problems).toHaveLength(1); // still reported, never dropped silently
    expect((await world.db.storedBlob.findUniqueOrThrow({ where: { sha256: stored.meta.sha256 } })).storeKey).toBe(
      moved.storeKey,
    );
  });

  it("serves the moved file from the store, and the moved upload finishes there", async () => {
    const content = await readAttachmentContent(world.db, world.carla.actor, stored.meta.id);
    expect((await bytesOf(content.body)).equals(Buffer.from(stored.bytes))).toBe(true);
    for (let offset = UPLOAD_CHUNK_BYTES; offset < unfinished.bytes.length; offset += UPLOAD_CHUNK_BYTES) {
      await receiveChunk(world.db, world.tina.actor, {
        attachmentId: unfinished.meta.id,
        offset,
        bytes: unfinished.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES),
      });
    }
    const read = await readAttachmentContent(world.db, world.tina.actor, unfinished.meta.id);
    expect((await bytesOf(read.body)).equals(Buffer.from(unfinished.bytes))).toBe(true);
  });
});
