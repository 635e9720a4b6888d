import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor, createWalk } from "../../support/fixtures";
import { DEVICE_ID, push, repairCapture, signature, walkFinish, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("walk.finish: the site contact signs the walk's summary", () => {
  const world = useWorld();

  it("completes the walk with the signed summary, end GPS and the signature's metadata, audited", async () => {
    const walk = { id: randomUUID(), customerId: world.acme.id };
    const capture = repairCapture(walk, { unitNumber: "F-1" });
    const captured = capture.payload as { id: string };
    const summary = {
      units: [{ unitNumber: "F-1", repairs: [{ id: captured.id, damageType: "CHIP" as const, estimateCents: 5000 }] }],
      totalCents: 5000,
    };
    const finish = walkFinish(walk.id, { signedSummary: summary });
    const { results } = await callerFor(world.db, world.tina).sync.push({
      deviceId: DEVICE_ID,
      mutations: [walkStart(walk.customerId, walk.id), capture, finish],
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);

    const stored = await world.db.lotWalk.findUniqueOrThrow({ where: { id: walk.id }, include: { attachments: true } });
    const sent = finish.payload as { endedAt: Date; signature: { id: string; sha256: string } };
    expect(stored).toMatchObject({
      status: "COMPLETED",
      endedAt: sent.endedAt,
      signedAt: sent.endedAt,
      endLatitude: 39.75,
      endLongitude: -104.98,
      endAccuracyM: 9,
      siteContactName: "Lot supervisor Pat",
      signedSummary: summary,
    });
    expect(stored.attachments).toMatchObject([
      {
        id: sent.signature.id,
        kind: "SIGNATURE",
        repairId: null,
        sha256: sent.signature.sha256,
        createdById: world.tina.userId,
        uploadedAt: null,
      },
    ]);
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: walk.id, action: "walk.finish" } });
    expect(audit).toMatchObject({ actorId: world.tina.userId, ip: ORIGIN.ip });
    expect(audit.changes).toMatchObject({
      status: { before: "IN_PROGRESS", after: "COMPLETED" },
      signature: { before: null, after: sent.signature.id },
    });
  });

  it("is idempotent: the same finish again answers with the walk; another signature is refused", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const finish = walkFinish(walk.id);
    const first = await push(world.db, world.tina, [finish]);
    const again = await push(world.db, world.tina, [finish]);
    expect(again.results).toEqual(first.results);
    expect(await world.db.auditLog.count({ where: { entityId: walk.id, action: "walk.finish" } })).toBe(1);
    expect(await world.db.attachment.count({ where: { walkId: walk.id } })).toBe(1);

    const other = await push(world.db, world.tina, [walkFinish(walk.id)]);
    expect(other.results[0]).toMatchObject({ ok: false, code: "WALK_ALREADY_FINISHED", retryable: false });
  });

  it("is for the walk's technician, their manager or an admin", async () => {
    const theos = await push(world.db, world.theo, [walkFinish(world.walk.id)]);
    expect(theos.results[0]).toMatchObject({ ok: false, code: "NOT_YOURS", retryable: false });
    const customers = callerFor(world.db, world.carla).sync.push({
      deviceId: DEVICE_ID,
      mutations: [walkFinish(world.walk.id)],
    });
    await expect(customers).rejects.toMatchObject({ code: "FORBIDDEN" });

    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const mayas = await push(world.db, world.maya, [walkFinish(walk.id)]);
    expect(mayas.results[0]).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
    const attachment = await world.db.attachment.findFirstOrThrow({ where: { walkId: walk.id } });
    expect(attachment.createdById).toBe(world.maya.userId); // her device uploads the bytes
  });

  it("refuses a walk not started, a summary of another shape, and a signature that breaks the rules", async () => {
    const scheduled = await world.db.lotWalk.create({
      data: { id: randomUUID(), customerId: world.acme.id, technicianId: world.tina.technicianId },
    });
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const { results } = await push(world.db, world.tina, [
      walkFinish(scheduled.id),
      walkFinish(walk.id, { signedSummary: { units: [], totalCents: 0, discountCents: 500 } as never }),
      walkFinish(walk.id, { signature: { ...signature(), kind: "PHOTO" } }),
      walkFinish(walk.id, { signature: { ...signature(), mimeType: "image/jpeg" } }),
      walkFinish(walk.id, { signature: { ...signature(), mimeType: "image/svg+xml", sizeBytes: 2 * 1024 * 1024 } }),
      walkFinish(randomUUID()),
    ]);
    expect(results.map((r) => !r.ok && r.code)).toEqual([
      "WALK_NOT_STARTED",
      "BAD_INPUT",
      "BAD_INPUT",
      "WRONG_FILE_TYPE",
      "FILE_TOO_LARGE",
      "WALK_NOT_SYNCED",
    ]);
    expect(results.map((r) => !r.ok && r.retryable)).toEqual([false, false, false, false, false, true]); // the unknown walk may still come
    expect((await world.db.lotWalk.findUniqueOrThrow({ where: { id: walk.id } })).status).toBe("IN_PROGRESS");
  });

  it("never records an end later than the server's clock", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const ahead = new Date(Date.now() + 3 * 60 * 60 * 1000);
    await push(world.db, world.tina, [walkFinish(walk.id, { endedAt: ahead })]);
    const stored = await world.db.lotWalk.findUniqueOrThrow({ where: { id: walk.id } });
    expect(stored.endedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.signedAt).toEqual(stored.endedAt);
  });
});
