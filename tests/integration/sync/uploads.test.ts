import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_CHUNK_BYTES } from "~/domain";
import type { ActorWithIdentity } from "~/server/auth/actor";
import { readAttachmentContent } from "~/server/services/attachments/read-attachment-content";
import { receiveChunk } from "~/server/services/attachments/receive-chunk";
import { uploadStatus } from "~/server/services/attachments/upload-status";
import type { AttachmentInput } from "~/server/data/shared-inputs";
import { blobStore } from "~/server/blobs";
import { bytesOf } from "../../support/blobs";
import { fileOf, push, repairCapture, walkFinish } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("uploading an attachment's bytes and reading them back", () => {
  const world = useWorld();

  /** A repair captured by Tina on her walk, carrying `meta`. */
  async function capturedWith(meta: AttachmentInput, unitNumber = "U-1") {
    const { results } = await push(world.db, world.tina, [
      repairCapture(world.walk, { unitNumber, attachments: [meta] }),
    ]);
    expect(results[0]!.ok).toBe(true);
  }

  /** Sends `bytes` from `from` in chunks, as a device does. */
  async function uploadAll(actor: ActorWithIdentity, attachmentId: string, bytes: Uint8Array, from = 0) {
    let last = { receivedBytes: from, complete: false };
    for (let offset = from; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
      last = await receiveChunk(world.db, actor, {
        attachmentId,
        offset,
        bytes: bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES),
      });
    }
    return last;
  }

  describe("a 600 kB photo", () => {
    const photo = fileOf(600_000);
    beforeAll(() => capturedWith(photo.meta));

    it("goes up in chunks, resumes from the server's offset after a 409, and is checked when complete", async () => {
      const tina = world.tina.actor;
      const id = photo.meta.id;
      expect(await uploadStatus(world.db, tina, id)).toEqual({
        attachmentId: id,
        sizeBytes: 600_000,
        receivedBytes: 0,
        complete: false,
      });
      const chunk = (offset: number) => photo.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
      expect(await receiveChunk(world.db, tina, { attachmentId: id, offset: 0, bytes: chunk(0) })).toEqual({
        receivedBytes: UPLOAD_CHUNK_BYTES,
        complete: false,
      });

      // The answer was lost and the device sends the first chunk again: told where to go on.
      await expect(
        receiveChunk(world.db, tina, { attachmentId: id, offset: 0, bytes: chunk(0) }),
      ).rejects.toMatchObject({
        code: "OFFSET_MISMATCH",
        receivedBytes: UPLOAD_CHUNK_BYTES,
      });
      const { receivedBytes } = await uploadStatus(world.db, tina, id);
      expect(await uploadAll(tina, id, photo.bytes, receivedBytes)).toEqual({ receivedBytes: 600_000, complete: true });

      const attachment = await world.db.attachment.findUniqueOrThrow({ where: { id } });
      expect(attachment.uploadedAt).toBeInstanceOf(Date);
      const blob = await world.db.storedBlob.findUniqueOrThrow({ where: { sha256: photo.meta.sha256 } });
      expect(blob).toMatchObject({ receivedBytes: 600_000, sizeBytes: 600_000, completedAt: expect.any(Date) });
      expect(blob.content).toBeNull(); // out of PostgreSQL: in the blob store under an internal key
      expect(blob.storeKey).not.toContain(photo.meta.sha256);
      expect((await bytesOf(await blobStore().open(blob.storeKey!))).equals(Buffer.from(photo.bytes))).toBe(true);
      // A resent last chunk and a later status both say: done.
      expect(await receiveChunk(world.db, tina, { attachmentId: id, offset: 524_288, bytes: chunk(524_288) })).toEqual({
        receivedBytes: 600_000,
        complete: true,
      });
      expect(await uploadStatus(world.db, tina, id)).toMatchObject({ receivedBytes: 600_000, complete: true });
    });

    it("is stored once, yet every attachment of it sends its own bytes", async () => {
      const again = { ...photo.meta, id: randomUUID() };
      await capturedWith(again, "U-2");
      // Naming content the server holds proves nothing: the device sends the bytes.
      expect(await uploadStatus(world.db, world.tina.actor, again.id)).toMatchObject({
        receivedBytes: 0,
        complete: false,
      });
      expect(await uploadAll(world.tina.actor, again.id, photo.bytes)).toEqual({
        receivedBytes: 600_000,
        complete: true,
      });
      expect((await world.db.attachment.findUniqueOrThrow({ where: { id: again.id } })).uploadedAt).toBeInstanceOf(
        Date,
      );
      expect(await world.db.storedBlob.count({ where: { sha256: photo.meta.sha256 } })).toBe(1);
      expect(await world.db.partialUpload.count({ where: { attachmentId: again.id } })).toBe(0);
    });

    it("is read by whoever may see the repair, and by nobody else", async () => {
      const read = (actor: ActorWithIdentity) => readAttachmentContent(world.db, actor, photo.meta.id);
      for (const person of [world.tina, world.maya, world.admin, world.carla]) {
        const content = await read(person.actor);
        expect(content.mimeType).toBe("image/jpeg");
        expect(content.sizeBytes).toBe(600_000);
        expect((await bytesOf(content.body)).equals(Buffer.from(photo.bytes))).toBe(true);
      }
      for (const person of [world.gus, world.theo])
        await expect(read(person.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(readAttachmentContent(world.db, world.carla.actor, "not-a-uuid")).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });
  });

  it("takes one of two chunks sent at once for the same offset, and tells the other where to go on", async () => {
    const file = fileOf(2 * UPLOAD_CHUNK_BYTES);
    await capturedWith(file.meta, "U-6");
    const first = file.bytes.subarray(0, UPLOAD_CHUNK_BYTES);
    const sends = await Promise.allSettled(
      [0, 1].map(() =>
        receiveChunk(world.db, world.tina.actor, { attachmentId: file.meta.id, offset: 0, bytes: first }),
      ),
    );
    expect(sends.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(sends.find((s) => s.status === "rejected")).toMatchObject({
      reason: { code: "OFFSET_MISMATCH", receivedBytes: UPLOAD_CHUNK_BYTES },
    });
    expect(await uploadAll(world.tina.actor, file.meta.id, file.bytes, UPLOAD_CHUNK_BYTES)).toEqual({
      receivedBytes: file.bytes.length,
      complete: true,
    });
  });

  it("resets the bytes when the whole content does not match its checksum", async () => {
    const declared = fileOf(300_000);
    const sent = fileOf(300_000);
    await capturedWith(declared.meta, "U-3");
    await expect(uploadAll(world.tina.actor, declared.meta.id, sent.bytes)).rejects.toMatchObject({
      code: "CHECKSUM_MISMATCH",
      receivedBytes: 0,
    });
    expect(await world.db.partialUpload.findUniqueOrThrow({ where: { attachmentId: declared.meta.id } })).toMatchObject(
      { receivedBytes: 0, content: new Uint8Array() },
    );
    expect(await world.db.storedBlob.count({ where: { sha256: declared.meta.sha256 } })).toBe(0);
    expect(await uploadStatus(world.db, world.tina.actor, declared.meta.id)).toMatchObject({
      receivedBytes: 0,
      complete: false,
    });
    expect(await uploadAll(world.tina.actor, declared.meta.id, declared.bytes)).toEqual({
      receivedBytes: 300_000,
      complete: true,
    });
  });

  it("refuses chunks that are too big, empty or beyond the declared size", async () => {
    const small = fileOf(1_000);
    await capturedWith(small.meta, "U-4");
    const send = (offset: number, bytes: Uint8Array) =>
      receiveChunk(world.db, world.tina.actor, { attachmentId: small.meta.id, offset, bytes });
    await expect(send(0, new Uint8Array(UPLOAD_CHUNK_BYTES + 1))).rejects.toMatchObject({ code: "CHUNK_TOO_LARGE" });
    await expect(send(0, new Uint8Array(0))).rejects.toMatchObject({ code: "EMPTY_CHUNK" });
    await expect(send(0, new Uint8Array(1_001))).rejects.toMatchObject({ code: "MORE_BYTES_THAN_DECLARED" });
    await expect(send(-1, small.bytes)).rejects.toMatchObject({ name: "ZodError" });
  });

  it("checks the shared attachment rules again at upload", async () => {
    const repair = await world.db.repair.findFirstOrThrow({ where: { createdById: world.tina.userId } });
    const row = (meta: Partial<AttachmentInput>) => ({
      ...fileOf(10).meta,
      ...meta,
      repairId: repair.id,
      createdById: world.tina.userId,
    });
    const html = await world.db.attachment.create({ data: row({ mimeType: "text/html" }) });
    const huge = await world.db.attachment.create({ data: row({ sizeBytes: 9 * 1024 * 1024 }) });
    await expect(uploadStatus(world.db, world.tina.actor, html.id)).rejects.toMatchObject({ code: "WRONG_FILE_TYPE" });
    await expect(
      receiveChunk(world.db, world.tina.actor, { attachmentId: huge.id, offset: 0, bytes: new Uint8Array(10) }),
    ).rejects.toMatchObject({
      code: "FILE_TOO_LARGE",
    });
  });

  it("lets only the attachment's creator (or an admin) upload it", async () => {
    const file = fileOf(2_000);
    await capturedWith(file.meta, "U-5");
    for (const person of [world.theo, world.maya, world.carla, world.gus]) {
      await expect(uploadStatus(world.db, person.actor, file.meta.id)).rejects.toMatchObject({ code: "NOT_YOURS" });
    }
    expect(await uploadStatus(world.db, world.admin.actor, file.meta.id)).toMatchObject({ complete: false });
    await expect(uploadStatus(world.db, world.tina.actor, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("serves a walk's signature to the walk's people and its customer only", async () => {
    const png = fileOf(4_000, { kind: "SIGNATURE", photoStage: undefined, mimeType: "image/png" });
    const walk = await world.db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: world.acme.id,
        technicianId: world.tina.technicianId,
        status: "IN_PROGRESS",
      },
    });
    await push(world.db, world.tina, [walkFinish(walk.id, { signature: png.meta })]);
    const read = (actor: ActorWithIdentity) => readAttachmentContent(world.db, actor, png.meta.id);
    await expect(read(world.carla.actor)).rejects.toMatchObject({ code: "NOT_FOUND" }); // not uploaded yet
    expect(await uploadAll(world.tina.actor, png.meta.id, png.bytes)).toMatchObject({ complete: true });
    for (const person of [world.tina, world.maya, world.admin, world.carla])
      expect((await read(person.actor)).mimeType).toBe("image/png");
    for (const person of [world.gus, world.theo])
      await expect(read(person.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      createHash("sha256")
        .update(await bytesOf((await read(world.carla.actor)).body))
        .digest("hex"),
    ).toBe(png.meta.sha256);
  });
});
