// The quality rules end to end on the services: completion steps per damage type required on
// the server, warranty claims ($0 follow-up linked to the original; expired or another
// customer's refused), and the server's photo hash flagging one picture used on two repairs.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DAMAGE_TYPES } from "~/domain";
import { QUALITY_SETTINGS_DEFAULT } from "~/domain/quality-settings";
import { hashUploadedPhoto } from "~/server/data/attachments/photo-hash";
import { completeRepair } from "~/server/services/repairs/complete-repair";
import { startRepair } from "~/server/services/repairs/start-repair";
import { openWarrantyClaim } from "~/server/services/quality/open-warranty-claim";
import { updateQualitySettings } from "~/server/services/quality/quality-settings";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { contextFor, photo } from "../../support/fixtures";
import { capture, completedRepair, finish } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

const STEPS = ["Resin recorded", "Cure time 5 minutes"];

describe("quality rules", () => {
  const world = useWorld();
  const saveSettings = (changes: Partial<typeof QUALITY_SETTINGS_DEFAULT>) =>
    updateQualitySettings(world.db, contextFor(world.admin), { ...QUALITY_SETTINGS_DEFAULT, ...changes });

  it("refuses settings out of range and keeps the ones saved", async () => {
    await expect(saveSettings({ peerReviewPercent: 101 })).rejects.toThrow(/0 to 100/);
    await expect(
      saveSettings({ warrantyMonths: { ...QUALITY_SETTINGS_DEFAULT.warrantyMonths, CHIP: -1 } }),
    ).rejects.toThrow(/between 0/);
    await expect(updateQualitySettings(world.db, contextFor(world.maya), QUALITY_SETTINGS_DEFAULT)).rejects.toThrow();
  });

  it("requires the damage type's steps at completion, hands them to the phone, and stores them done", async () => {
    const steps = Object.fromEntries(DAMAGE_TYPES.map((t) => [t, t === "CHIP" ? STEPS : []]));
    await saveSettings({ completionSteps: steps as typeof QUALITY_SETTINGS_DEFAULT.completionSteps });
    const repair = await capture(world.db, world, { unitNumber: "Q-1" });
    await startRepair(world.db, contextFor(world.tina), { repairId: repair.id });
    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    expect(snapshot.quality?.completionSteps.CHIP).toEqual(STEPS);
    expect(snapshot.myWork.find((w) => w.id === repair.id)?.completionChecklist).toEqual(STEPS);

    const complete = (checklist: string[]) =>
      completeRepair(world.db, contextFor(world.tina), {
        repairId: repair.id,
        attachments: [photo("AFTER")],
        checklist: checklist.map((item) => ({ item, confirmedAt: new Date(Date.now() - 1000) })),
      });
    await expect(complete([STEPS[0]!])).rejects.toMatchObject({ code: "CHECKLIST_INCOMPLETE" });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } })).status).toBe("IN_PROGRESS");
    await complete(STEPS);
    const done = await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } });
    expect(done.status).toBe("COMPLETED");
    expect((done.completionChecklist as Array<{ item: string }>).map((c) => c.item)).toEqual(STEPS);
    await saveSettings({});
  });

  it("requires an after photo paired with each damage photo when the business says so", async () => {
    await saveSettings({ requirePhotoPairs: true });
    const before = photo("DAMAGE");
    const repair = await capture(world.db, world, { unitNumber: "P-1", attachments: [before] });
    const elsewhere = await capture(world.db, world, { unitNumber: "P-2" });
    const otherDamage = await world.db.attachment.findFirstOrThrow({ where: { repairId: elsewhere.id } });
    await startRepair(world.db, contextFor(world.tina), { repairId: repair.id });
    const complete = (after: ReturnType<typeof photo>) =>
      completeRepair(world.db, contextFor(world.tina), { repairId: repair.id, attachments: [after] });
    await expect(complete(photo("AFTER"))).rejects.toMatchObject({ code: "PHOTO_PAIR_REQUIRED" });
    await expect(complete({ ...photo("AFTER"), pairedWithId: otherDamage.id })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    await expect(complete({ ...photo("DAMAGE"), pairedWithId: before.id })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    // Nothing half-written: the refused completions left no photo behind.
    expect(await world.db.attachment.count({ where: { repairId: repair.id } })).toBe(1);
    const after = { ...photo("AFTER"), pairedWithId: before.id };
    expect(await complete(after)).toMatchObject({ status: "COMPLETED" });
    expect(await world.db.attachment.findUniqueOrThrow({ where: { id: after.id } })).toMatchObject({
      pairedWithId: before.id,
    });
    await saveSettings({});
  });

  it("opens a warranty claim as a $0 follow-up linked to the original, once per claim id", async () => {
    const original = await completedRepair(world.db, world, "W-1");
    const id = randomUUID();
    const claim = await openWarrantyClaim(world.db, contextFor(world.carla), {
      id,
      repairId: original.id,
      reason: "The chip spread",
    });
    expect(
      await openWarrantyClaim(world.db, contextFor(world.carla), { id, repairId: original.id, reason: "again" }),
    ).toMatchObject({ followUpId: claim.followUpId });
    const followUp = await world.db.repair.findUniqueOrThrow({ where: { id: claim.followUpId } });
    expect(followUp).toMatchObject({
      followUpOfId: original.id,
      warrantyOfId: original.id,
      technicianId: world.tina.technicianId,
      status: "ASSIGNED",
      estimateCents: 0,
      estimateSource: "WARRANTY",
    });
    const completed = await finish(world.db, world.tina, followUp.id);
    expect(completed).toMatchObject({ priceCents: 0, priceSource: "WARRANTY" });
    expect(await world.db.warrantyClaim.count({ where: { repairId: original.id } })).toBe(1);
  });

  it("lets the office open a claim, and leaves the $0 redo out of the next break's tier ordinal", async () => {
    const original = await completedRepair(world.db, world, "W-3");
    expect(original).toMatchObject({ tierOrdinal: 1, priceCents: 5000 });
    const claim = await openWarrantyClaim(world.db, contextFor(world.maya), {
      id: randomUUID(),
      repairId: original.id,
      reason: "Chip spread overnight",
    });
    const redo = await finish(world.db, world.tina, claim.followUpId);
    expect(redo).toMatchObject({ priceCents: 0, priceSource: "WARRANTY", tierOrdinal: null });
    // The windshield's second real break: 2nd tier, not 3rd.
    const next = await capture(world.db, world, { unitNumber: "W-3" });
    expect(next).toMatchObject({ estimateOrdinal: 2, estimateCents: 4000 });
    expect(await finish(world.db, world.tina, next.id)).toMatchObject({ tierOrdinal: 2, priceCents: 4000 });
    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    const unit = snapshot.units.find((u) => u.unitNumber === "W-3");
    expect(unit?.completedOnWindshield).toBe(2);
  });

  it("refuses a claim on another customer's repair as not found, and an expired one with its last day", async () => {
    const original = await completedRepair(world.db, world, "W-2");
    await expect(
      openWarrantyClaim(world.db, contextFor(world.gus), { id: randomUUID(), repairId: original.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      openWarrantyClaim(world.db, contextFor(world.tina), { id: randomUUID(), repairId: original.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await world.db.repair.update({
      where: { id: original.id },
      data: { completedAt: new Date("2024-01-15T12:00:00Z") },
    });
    await expect(
      openWarrantyClaim(world.db, contextFor(world.maya), { id: randomUUID(), repairId: original.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "WARRANTY_EXPIRED", message: "The warranty of this repair ended on 2025-01-15." });
    expect(await world.db.repair.count({ where: { warrantyOfId: original.id } })).toBe(0);
  });

  it("flags two repairs whose photos are the same picture, edited a little", async () => {
    const first = await capture(world.db, world, { unitNumber: "D-1" });
    const second = await capture(world.db, world, { unitNumber: "D-2" });
    const third = await capture(world.db, world, { unitNumber: "D-3" });
    const stored = async (repairId: string, file: string) => {
      const bytes = readFileSync(`tests/e2e/fixtures/${file}`);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      await world.db.storedBlob.upsert({
        where: { sha256 },
        create: {
          sha256,
          mimeType: "image/jpeg",
          sizeBytes: bytes.length,
          receivedBytes: bytes.length,
          content: bytes,
          completedAt: new Date(),
        },
        update: {},
      });
      const attachment = await world.db.attachment.create({
        data: {
          id: randomUUID(),
          repairId,
          kind: "PHOTO",
          photoStage: "DAMAGE",
          mimeType: "image/jpeg",
          sizeBytes: bytes.length,
          sha256,
          uploadedAt: new Date(),
          createdById: world.tina.userId,
        },
      });
      return hashUploadedPhoto(world.db, attachment.id);
    };
    expect(await stored(first.id, "windshield-chip.jpg")).toEqual([]);
    const matches = await stored(second.id, "windshield-chip-edited.jpg");
    expect(matches.map((m) => m.repairId)).toEqual([first.id]);
    const flagged = await world.db.repair.findMany({ where: { id: { in: [first.id, second.id, third.id] } } });
    const reason = (id: string) => flagged.find((r) => r.id === id)?.flaggedReason ?? "";
    expect(reason(first.id)).toMatch(/same picture on two repairs/);
    expect(reason(second.id)).toMatch(new RegExp(first.id.slice(0, 8)));
    expect(reason(third.id)).not.toMatch(/same picture/);
    // A corrupt file is skipped: no hash, no flag, no error.
    const corrupt = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const sha256 = createHash("sha256").update(corrupt).digest("hex");
    await world.db.storedBlob.create({
      data: {
        sha256,
        mimeType: "image/jpeg",
        sizeBytes: 7,
        receivedBytes: 7,
        content: corrupt,
        completedAt: new Date(),
      },
    });
    const bad = await world.db.attachment.create({
      data: {
        id: randomUUID(),
        repairId: third.id,
        kind: "PHOTO",
        mimeType: "image/jpeg",
        sizeBytes: 7,
        sha256,
        uploadedAt: new Date(),
        createdById: world.tina.userId,
      },
    });
    expect(await hashUploadedPhoto(world.db, bad.id)).toEqual([]);
  });
});
