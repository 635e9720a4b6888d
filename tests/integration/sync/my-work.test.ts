// The technician's assigned work from the phone (My work): repair.start, repair.addPhoto and
// repair.complete through sync.push, each idempotent on its client id, with the same ownership
// and transition rules as the online procedures.
import { describe, expect, it } from "vitest";
import { contextFor, photo } from "../../support/fixtures";
import { capture, requested } from "../../support/repair-flows";
import { type Mutation, mutation, push } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";
import type { Db } from "~/server/db";
import type { Person } from "../../support/fixtures";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { cancelRepair } from "~/server/services/repairs/cancel-repair";
import { denyRepairs } from "~/server/services/repairs/deny-repairs";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { updateQualitySettings } from "~/server/services/quality/quality-settings";
import { QUALITY_SETTINGS_DEFAULT } from "~/domain/quality-settings";

/** A queued change carries its own client id: the outbox entry's, as the device sends it. */
const change = (type: "repair.start" | "repair.complete" | "repair.addPhoto", payload: object): Mutation => {
  const m = mutation(type, payload);
  return { ...m, payload: { id: m.id, ...payload } };
};
const start = (repairId: string) => change("repair.start", { repairId, startedAt: new Date(Date.now() - 60_000) });
const addPhoto = (repairId: string, stage: "DAMAGE" | "AFTER" = "AFTER") =>
  change("repair.addPhoto", { repairId, photo: photo(stage) });
const complete = (repairId: string, attachments = [photo("AFTER")]) =>
  change("repair.complete", { repairId, completedAt: new Date(Date.now() - 30_000), attachments });

describe("My work through sync.push", () => {
  const world = useWorld();

  /** Carla's request, assigned to Tina by her manager Maya. */
  async function assignedToTina(unitNumber: string) {
    const repair = await requested(world.db, world, unitNumber);
    await assignRepair(world.db, contextFor(world.maya), {
      repairId: repair.id,
      technicianId: world.tina.technicianId,
    });
    return repair;
  }

  const pushed = (db: Db, by: Person, mutations: Mutation[]) => push(db, by, mutations);

  it("prepare hands the technician's assigned work, with what its card shows", async () => {
    const repair = await assignedToTina("MW-0");
    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    expect(snapshot.myWork).toEqual([
      expect.objectContaining({
        id: repair.id,
        status: "ASSIGNED",
        origin: "CUSTOMER_REQUEST",
        customerName: "Acme Rentals",
        unitNumber: "MW-0",
        damageType: "CHIP",
        estimateCents: 5000,
        photos: [],
      }),
    ]);
    expect((await prepareSnapshot(world.db, contextFor(world.theo))).myWork).toEqual([]);
  });

  it("starts, adds an after photo and completes offline in one batch, at the frozen price; a replay changes nothing", async () => {
    const repair = await assignedToTina("MW-1");
    const after = addPhoto(repair.id);
    const afterPhoto = (after.payload as { photo: { id: string } }).photo;
    // The completion relies on the after photo the device took: it carries its metadata again.
    const done = complete(repair.id, [(after.payload as { photo: ReturnType<typeof photo> }).photo]);
    const batch = [start(repair.id), after, done];
    const first = await pushed(world.db, world.tina, batch);
    expect(first.results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(first.results[2]).toMatchObject({
      type: "repair.complete",
      data: { status: "COMPLETED", priceCents: 5000 },
    });

    const stored = await world.db.repair.findUniqueOrThrow({
      where: { id: repair.id },
      include: { attachments: true },
    });
    expect(stored).toMatchObject({ status: "COMPLETED", priceCents: 5000, tierOrdinal: 1 });
    expect(stored.attachments.map((a) => a.id)).toEqual([afterPhoto.id]);
    const audits = () => world.db.auditLog.count({ where: { entityId: repair.id } });
    const auditsBefore = await audits();

    const again = await pushed(world.db, world.tina, batch);
    expect(again.results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(again.results.map((r) => r.ok && r.data.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(await audits()).toBe(auditsBefore);
    expect(await world.db.attachment.count({ where: { repairId: repair.id } })).toBe(1);
    expect(await world.db.repairChange.count({ where: { repairId: repair.id } })).toBe(3);
  });

  it("refuses completing twice, and a change id reused for another change", async () => {
    const repair = await assignedToTina("MW-2");
    const first = await pushed(world.db, world.tina, [start(repair.id), complete(repair.id)]);
    expect(first.results.map((r) => r.ok)).toEqual([true, true]);
    const twice = await pushed(world.db, world.tina, [complete(repair.id)]);
    expect(twice.results[0]).toMatchObject({ ok: false, code: "NO_SUCH_TRANSITION", retryable: false });

    const other = await assignedToTina("MW-3");
    const reused = { ...start(other.id), id: first.results[0]!.id };
    reused.payload = { ...(reused.payload as object), id: reused.id };
    const refused = await pushed(world.db, world.tina, [reused]);
    expect(refused.results[0]).toMatchObject({ ok: false, code: "ID_IN_USE", retryable: false });
  });

  it("refuses work on a repair not assigned to the technician, and another's after photo", async () => {
    const repair = await assignedToTina("MW-4");
    const theos = await pushed(world.db, world.theo, [start(repair.id), addPhoto(repair.id), complete(repair.id)]);
    expect(theos.results.map((r) => !r.ok && r.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(theos.results.every((r) => !r.ok && !r.retryable)).toBe(true);
    const stored = await world.db.repair.findUniqueOrThrow({
      where: { id: repair.id },
      include: { attachments: true },
    });
    expect(stored).toMatchObject({ status: "ASSIGNED", startedAt: null });
    expect(stored.attachments).toEqual([]);
    expect(await world.db.repairChange.count({ where: { repairId: repair.id } })).toBe(0);
  });

  it("refuses completing a denied or cancelled repair, and photos on them", async () => {
    // Found on Tina's walk without a photo: waits for approval; Carla denies it.
    const denied = await capture(world.db, world, { unitNumber: "MW-5", attachments: [] });
    await denyRepairs(world.db, contextFor(world.carla), { ids: [denied.id], reason: "Not now" });
    const cancelled = await assignedToTina("MW-6");
    await cancelRepair(world.db, contextFor(world.maya), { repairId: cancelled.id, reason: "Unit sold" });

    const results = (
      await pushed(world.db, world.tina, [
        start(denied.id),
        complete(denied.id),
        addPhoto(denied.id),
        complete(cancelled.id),
        addPhoto(cancelled.id, "DAMAGE"),
      ])
    ).results;
    expect(results.map((r) => !r.ok && r.code)).toEqual([
      "NO_SUCH_TRANSITION",
      "NO_SUCH_TRANSITION",
      "REPAIR_CLOSED",
      "NO_SUCH_TRANSITION",
      "REPAIR_CLOSED",
    ]);
    expect(await world.db.attachment.count({ where: { repairId: { in: [denied.id, cancelled.id] } } })).toBe(0);
  });

  it("refuses a completion without an after photo, and a photo id already used", async () => {
    const repair = await assignedToTina("MW-7");
    const results = (await pushed(world.db, world.tina, [start(repair.id), complete(repair.id, [])])).results;
    expect(results[1]).toMatchObject({ ok: false, code: "PRECONDITION_FAILED", retryable: false });

    const damage = addPhoto(repair.id, "DAMAGE");
    expect((await pushed(world.db, world.tina, [damage])).results[0]).toMatchObject({ ok: true });
    const sameId = change("repair.addPhoto", {
      repairId: repair.id,
      photo: (damage.payload as { photo: object }).photo,
    });
    expect((await pushed(world.db, world.tina, [sameId])).results[0]).toMatchObject({ ok: false, code: "ID_IN_USE" });
    const voice = change("repair.addPhoto", { repairId: repair.id, photo: { ...photo("AFTER"), kind: "VOICE" } });
    expect((await pushed(world.db, world.tina, [voice])).results[0]).toMatchObject({ ok: false, code: "BAD_INPUT" });
    const noId = mutation("repair.start", { repairId: repair.id });
    expect((await pushed(world.db, world.tina, [noId])).results[0]).toMatchObject({ ok: false, code: "BAD_INPUT" });
  });

  it("answers a replay pushed at the same time as its first push once", async () => {
    const repair = await assignedToTina("MW-8");
    const batch = [start(repair.id), complete(repair.id)];
    const [a, b] = await Promise.all([pushed(world.db, world.tina, batch), pushed(world.db, world.tina, batch)]);
    expect(a.results.map((r) => r.ok)).toEqual([true, true]);
    expect(b.results.map((r) => r.ok)).toEqual([true, true]);
    expect(await world.db.auditLog.count({ where: { entityId: repair.id, action: "repair.complete" } })).toBe(1);
  });

  it("with pairs required, prepare says so with each photo's pair; a paired after photo from the queue completes", async () => {
    await updateQualitySettings(world.db, contextFor(world.admin), {
      ...QUALITY_SETTINGS_DEFAULT,
      requirePhotoPairs: true,
    });
    try {
      const repair = await assignedToTina("MW-P");
      const damage = addPhoto(repair.id, "DAMAGE");
      const damagePhoto = (damage.payload as { photo: ReturnType<typeof photo> }).photo;
      const unpaired = addPhoto(repair.id);
      const unpairedPhoto = (unpaired.payload as { photo: ReturnType<typeof photo> }).photo;
      const refused = await pushed(world.db, world.tina, [
        start(repair.id),
        damage,
        unpaired,
        complete(repair.id, [unpairedPhoto]),
      ]);
      expect(refused.results.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(refused.results[3]).toMatchObject({ code: "PHOTO_PAIR_REQUIRED" });

      const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
      expect(snapshot.quality?.requirePhotoPairs).toBe(true);
      const card = snapshot.myWork.find((w) => w.id === repair.id)!;
      expect(card.photos.map((p) => [p.stage, p.pairedWithId])).toEqual([
        ["DAMAGE", null],
        ["AFTER", null],
      ]);

      const pairedPhoto = { ...photo("AFTER"), pairedWithId: damagePhoto.id };
      const paired = change("repair.addPhoto", { repairId: repair.id, photo: pairedPhoto });
      const done = await pushed(world.db, world.tina, [paired, complete(repair.id, [pairedPhoto])]);
      expect(done.results.map((r) => r.ok)).toEqual([true, true]);
      expect(await world.db.attachment.findUniqueOrThrow({ where: { id: pairedPhoto.id } })).toMatchObject({
        photoStage: "AFTER",
        pairedWithId: damagePhoto.id,
      });
      expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).status).toBe("COMPLETED");
    } finally {
      await updateQualitySettings(world.db, contextFor(world.admin), QUALITY_SETTINGS_DEFAULT);
    }
  });
});
