// Files are private to the attachment that carries them: the server stores content once per
// sha256, but an attachment gets bytes only by sending them itself, checked against its checksum
// and its declared type. Nobody else's upload can reset yours, and unfinished uploads are bounded
// per person and dropped when abandoned.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OPEN_UPLOAD_BYTES_PER_USER, UPLOAD_CHUNK_BYTES } from "~/domain";
import type { ActorWithIdentity } from "~/server/auth/actor";
import { dropAbandonedUploads } from "~/server/data/attachments/partial-upload";
import type { AttachmentInput } from "~/server/data/shared-inputs";
import { attachmentContentResponse } from "~/server/http/content-response";
import { chunkResponse } from "~/server/http/upload-responses";
import { readAttachmentContent } from "~/server/services/attachments/read-attachment-content";
import { receiveChunk } from "~/server/services/attachments/receive-chunk";
import { uploadStatus } from "~/server/services/attachments/upload-status";
import { callerFor, createUnit } from "../../support/fixtures";
import { fileOf, metaOf, push, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("files private to their attachment", () => {
  const world = useWorld();

  async function capturedWith(meta: AttachmentInput, unitNumber: string) {
    const { results } = await push(world.db, world.tina, [
      repairCapture(world.walk, { unitNumber, attachments: [meta] }),
    ]);
    expect(results[0]).toMatchObject({ ok: true });
  }

  /** Gus (Globex) requests a repair of one of his company's units, carrying `meta`. */
  async function requestedByGus(meta: AttachmentInput) {
    const unit = await createUnit(world.db, world.globex.id, `G-${randomUUID().slice(0, 8).toUpperCase()}`);
    return callerFor(world.db, world.gus).repair.request({
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
      attachments: [meta],
    });
  }

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

  it("never gives another company's photo to whoever names its sha256", async () => {
    const acmePhoto = fileOf(3_000);
    await capturedWith(acmePhoto.meta, "P-1");
    await uploadAll(world.tina.actor, acmePhoto.meta.id, acmePhoto.bytes);

    const claim = { ...acmePhoto.meta, id: randomUUID() };
    const view = await requestedByGus(claim);
    expect(await uploadStatus(world.db, world.gus.actor, claim.id)).toEqual({
      attachmentId: claim.id,
      sizeBytes: 3_000,
      receivedBytes: 0,
      complete: false,
    });
    await expect(readAttachmentContent(world.db, world.gus.actor, claim.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await world.db.attachment.findUniqueOrThrow({ where: { id: claim.id } })).uploadedAt).toBeNull();

    // A wrong declared size does not reveal the real one.
    const probe = { ...acmePhoto.meta, id: randomUUID(), sizeBytes: 2_000 };
    await requestedByGus(probe);
    expect(await uploadStatus(world.db, world.gus.actor, probe.id)).toMatchObject({
      receivedBytes: 0,
      complete: false,
    });
    const junk = fileOf(2_000).bytes;
    const refused = await receiveChunk(world.db, world.gus.actor, {
      attachmentId: probe.id,
      offset: 0,
      bytes: junk,
    }).then(
      () => null,
      (error: { code: string; message: string }) => error,
    );
    expect(refused).toMatchObject({ code: "CHECKSUM_MISMATCH" });
    expect(refused!.message).not.toContain("3000");

    // The sha256 is named nowhere a reader sees it: not in the repair, not in the ETag.
    const detail = await callerFor(world.db, world.gus).repair.byId({ id: view.id });
    expect(detail.attachments[0]).not.toHaveProperty("sha256");
    const response = await attachmentContentResponse(world.db, world.tina.actor, acmePhoto.meta.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).not.toContain(acmePhoto.meta.sha256);
  });

  it("keeps each upload its own: another uploader of the same checksum cannot reset it", async () => {
    const file = fileOf(2 * UPLOAD_CHUNK_BYTES);
    await capturedWith(file.meta, "P-2");
    const id = file.meta.id;
    await receiveChunk(world.db, world.tina.actor, {
      attachmentId: id,
      offset: 0,
      bytes: file.bytes.subarray(0, UPLOAD_CHUNK_BYTES),
    });

    // Gus declares the same content and sends junk from wherever the server says he is.
    const rival = { ...file.meta, id: randomUUID() };
    await requestedByGus(rival);
    for (let attempt = 0; attempt < 2; attempt++) {
      const { receivedBytes } = await uploadStatus(world.db, world.gus.actor, rival.id);
      expect(receivedBytes).toBe(0);
      await expect(
        uploadAll(world.gus.actor, rival.id, fileOf(2 * UPLOAD_CHUNK_BYTES).bytes, receivedBytes),
      ).rejects.toMatchObject({ code: "CHECKSUM_MISMATCH" });
    }

    expect(await uploadStatus(world.db, world.tina.actor, id)).toMatchObject({ receivedBytes: UPLOAD_CHUNK_BYTES });
    expect(await uploadAll(world.tina.actor, id, file.bytes, UPLOAD_CHUNK_BYTES)).toEqual({
      receivedBytes: 2 * UPLOAD_CHUNK_BYTES,
      complete: true,
    });
  });

  it("refuses, once and for good, content that is not of its declared type", async () => {
    const page = new TextEncoder().encode("<!doctype html><script>fetch('/api/trpc')</script>");
    const meta = metaOf(page, { mimeType: "image/jpeg" });
    await capturedWith(meta, "P-3");
    await expect(uploadAll(world.tina.actor, meta.id, page)).rejects.toMatchObject({
      code: "CONTENT_NOT_OF_TYPE",
      message: "The file's content is not image/jpeg as it was declared; it will not be stored.",
    });
    expect((await world.db.attachment.findUniqueOrThrow({ where: { id: meta.id } })).uploadedAt).toBeNull();
    expect(await world.db.storedBlob.count({ where: { sha256: meta.sha256 } })).toBe(0);
    await expect(readAttachmentContent(world.db, world.tina.actor, meta.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Over HTTP: 415, which the device takes as final.
    const res = await chunkResponse(
      world.db,
      world.tina.actor,
      meta.id,
      new Request(`http://localhost/api/uploads/${meta.id}?offset=0`, { method: "PUT", body: Buffer.from(page) }),
    );
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: "CONTENT_NOT_OF_TYPE" });
  });

  it("refuses a MIME type with a line break, and serves an old such file as plain bytes", async () => {
    const file = fileOf(1_000, { mimeType: "image/jpeg\r\nSet-Cookie: a=b" });
    const { results } = await push(world.db, world.tina, [
      repairCapture(world.walk, { unitNumber: "P-4", attachments: [file.meta] }),
    ]);
    expect(results[0]).toMatchObject({ ok: false, code: "BAD_INPUT" }); // the text rule refuses it first

    // A row stored before the rule, with its bytes: served, not a 500.
    const repair = await world.db.repair.findFirstOrThrow({ where: { createdById: world.tina.userId } });
    const old = fileOf(1_000);
    await world.db.storedBlob.create({
      data: {
        sha256: old.meta.sha256,
        mimeType: "image/jpeg",
        sizeBytes: 1_000,
        receivedBytes: 1_000,
        content: new Uint8Array(old.bytes),
        completedAt: new Date(),
      },
    });
    await world.db.attachment.create({
      data: {
        ...old.meta,
        mimeType: "image/jpeg\r\nX-Injected: 1",
        repairId: repair.id,
        createdById: world.tina.userId,
        uploadedAt: new Date(),
      },
    });
    await expect(uploadStatus(world.db, world.tina.actor, old.meta.id)).rejects.toMatchObject({
      code: "WRONG_FILE_TYPE",
    });
    const res = await attachmentContentResponse(world.db, world.tina.actor, old.meta.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("x-injected")).toBeNull();
  });

  it("bounds one person's unfinished uploads, and drops those abandoned for a week", async () => {
    const repair = await world.db.repair.findFirstOrThrow({ where: { createdById: world.tina.userId } });
    const eightMb = 8 * 1024 * 1024;
    const fillers = OPEN_UPLOAD_BYTES_PER_USER / eightMb - 0.5; // 12 open uploads of 8 MB: 96 MB
    const now = new Date();
    for (let i = 0; i < fillers; i++) {
      const filler = await world.db.attachment.create({
        data: { ...fileOf(1).meta, sizeBytes: eightMb, repairId: repair.id, createdById: world.tina.userId },
      });
      await world.db.partialUpload.create({
        data: { attachmentId: filler.id, userId: world.tina.userId, sizeBytes: eightMb, updatedAt: now },
      });
    }
    const big = fileOf(5 * 1024 * 1024);
    const small = fileOf(1_000);
    await capturedWith(big.meta, "P-5");
    await capturedWith(small.meta, "P-6");
    const first = big.bytes.subarray(0, UPLOAD_CHUNK_BYTES);
    await expect(
      receiveChunk(world.db, world.tina.actor, { attachmentId: big.meta.id, offset: 0, bytes: first }),
    ).rejects.toMatchObject({ code: "UPLOAD_QUOTA_EXCEEDED" });
    expect(await uploadAll(world.tina.actor, small.meta.id, small.bytes)).toMatchObject({ complete: true });

    // A week later nobody added to them: dropped, and the big file goes up.
    const weekLater = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000 + 1);
    expect(await dropAbandonedUploads(world.db, new Date(now.getTime() + 6 * 24 * 60 * 60 * 1000))).toBe(0);
    const open = await world.db.partialUpload.count(); // the fillers, and Gus's from the tests above
    expect(open).toBeGreaterThanOrEqual(fillers);
    expect(await dropAbandonedUploads(world.db, weekLater)).toBe(open);
    expect(
      await receiveChunk(world.db, world.tina.actor, { attachmentId: big.meta.id, offset: 0, bytes: first }),
    ).toEqual({
      receivedBytes: UPLOAD_CHUNK_BYTES,
      complete: false,
    });
  });

  it("counts uploads started at the same moment against one quota (no two pass the same check)", async () => {
    const fiveMb = 5 * 1024 * 1024;
    const files = Array.from({ length: 6 }, () => fileOf(fiveMb));
    for (const [i, file] of files.entries()) await capturedWith(file.meta, `Q-${i}`);
    const repair = await world.db.repair.findFirstOrThrow({ where: { createdById: world.tina.userId } });
    await world.db.partialUpload.deleteMany({ where: { userId: world.tina.userId } });
    const filler = await world.db.attachment.create({
      data: { ...fileOf(1).meta, sizeBytes: 1, repairId: repair.id, createdById: world.tina.userId },
    });
    // Room for exactly two more 5 MB files.
    await world.db.partialUpload.create({
      data: {
        attachmentId: filler.id,
        userId: world.tina.userId,
        sizeBytes: OPEN_UPLOAD_BYTES_PER_USER - 2 * fiveMb - 1,
        updatedAt: new Date(),
      },
    });
    const outcomes = await Promise.allSettled(
      files.map((file) =>
        receiveChunk(world.db, world.tina.actor, {
          attachmentId: file.meta.id,
          offset: 0,
          bytes: file.bytes.subarray(0, UPLOAD_CHUNK_BYTES),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(2);
    for (const o of outcomes.filter((o) => o.status === "rejected"))
      expect(o.reason).toMatchObject({ code: "UPLOAD_QUOTA_EXCEEDED" });
    await world.db.partialUpload.deleteMany({ where: { userId: world.tina.userId } });
  });

  it("drops abandoned uploads by itself when a new upload starts", async () => {
    const stale = fileOf(2 * UPLOAD_CHUNK_BYTES);
    await capturedWith(stale.meta, "P-7");
    await receiveChunk(world.db, world.tina.actor, {
      attachmentId: stale.meta.id,
      offset: 0,
      bytes: stale.bytes.subarray(0, UPLOAD_CHUNK_BYTES),
    });
    await world.db.partialUpload.update({
      where: { attachmentId: stale.meta.id },
      data: { updatedAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) },
    });
    const fresh = fileOf(2 * UPLOAD_CHUNK_BYTES);
    await capturedWith(fresh.meta, "P-8");
    await receiveChunk(world.db, world.tina.actor, {
      attachmentId: fresh.meta.id,
      offset: 0,
      bytes: fresh.bytes.subarray(0, UPLOAD_CHUNK_BYTES),
    });
    expect(await uploadStatus(world.db, world.tina.actor, stale.meta.id)).toMatchObject({ receivedBytes: 0 });
    expect(await uploadAll(world.tina.actor, stale.meta.id, stale.bytes)).toMatchObject({ complete: true });
  });
});
