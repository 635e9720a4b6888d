import { describe, expect, it } from "vitest";
import { completeRepair } from "~/server/services/repairs/complete-repair";
import { ORIGIN, callerFor, contextFor, createCustomer, createWalk, photo } from "../../support/fixtures";
import { capture, completedRepair, finish } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("completing a repair", () => {
  const world = useWorld();

  it("freezes ordinal, price, source and price-list version, and audits before -> after", async () => {
    const repair = await capture(world.db, world, { unitNumber: "C-1" });
    const tina = callerFor(world.db, world.tina);
    await tina.repair.start({ repairId: repair.id });
    const done = await tina.repair.complete({ repairId: repair.id, attachments: [photo("AFTER")] });
    expect(done).toMatchObject({
      status: "COMPLETED",
      priceCents: 5000,
      tierOrdinal: 1,
      priceSource: "DEFAULT_TIER",
      pricingVersion: 0,
    });
    expect(done.completedAt).toBeInstanceOf(Date);
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: repair.id, action: "repair.complete" },
    });
    expect(audit).toMatchObject({
      actorId: world.tina.userId,
      actorEmail: world.tina.actor.email,
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audit.changes).toMatchObject({
      status: { before: "IN_PROGRESS", after: "COMPLETED" },
      priceCents: { before: null, after: 5000 },
      tierOrdinal: { before: null, after: 1 },
      attachments: { before: null, after: [expect.any(String)] },
    });
  });

  it("needs an after photo", async () => {
    const repair = await capture(world.db, world, { unitNumber: "C-2" });
    const tina = callerFor(world.db, world.tina);
    await tina.repair.start({ repairId: repair.id });
    await expect(tina.repair.complete({ repairId: repair.id })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "PRECONDITION_FAILED", rule: "AFTER_PHOTO_REQUIRED" },
    });
    await expect(tina.repair.complete({ repairId: repair.id, attachments: [photo("DAMAGE")] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("checks the after photo's type as a capture does, and counts only one whose bytes came or come now", async () => {
    const tina = callerFor(world.db, world.tina);
    const repair = await capture(world.db, world, { unitNumber: "C-20" });
    await tina.repair.start({ repairId: repair.id });
    const page = { ...photo("AFTER"), mimeType: "text/html" };
    await expect(tina.repair.complete({ repairId: repair.id, attachments: [page] })).rejects.toMatchObject({
      cause: { code: "WRONG_FILE_TYPE" },
    });
    expect(await world.db.attachment.count({ where: { id: page.id } })).toBe(0);

    // An after photo recorded earlier whose bytes never came does not document the work.
    const never = photo("AFTER");
    await world.db.attachment.create({
      data: { ...never, repairId: repair.id, createdById: world.tina.userId },
    });
    await expect(tina.repair.complete({ repairId: repair.id })).rejects.toMatchObject({
      cause: { code: "PRECONDITION_FAILED", rule: "AFTER_PHOTO_REQUIRED" },
    });
    // Once its bytes arrived, it does.
    await world.db.attachment.update({ where: { id: never.id }, data: { uploadedAt: new Date() } });
    expect(await tina.repair.complete({ repairId: repair.id })).toMatchObject({ status: "COMPLETED" });
  });

  it("prices the next three repairs of a unit with 2 completed at $35, $30, $25", async () => {
    await completedRepair(world.db, world, "C-3");
    await completedRepair(world.db, world, "C-3");
    const prices = [];
    for (let i = 0; i < 3; i++) prices.push((await completedRepair(world.db, world, "C-3")).priceCents);
    expect(prices).toEqual([3500, 3000, 2500]);
  });

  it("prices a multi-break job captured together at $50 + $40 + $35, whatever order the breaks are finished in", async () => {
    const breaks = [];
    for (const breakIndex of [0, 1, 2])
      breaks.push(await capture(world.db, world, { unitNumber: "C-4", jobId: world.walk.id, breakIndex }));
    const completed = [];
    for (const b of [breaks[2]!, breaks[0]!, breaks[1]!]) completed.push(await finish(world.db, world.tina, b.id));
    expect(completed.map((r) => [r.tierOrdinal, r.priceCents])).toEqual([
      [1, 5000],
      [2, 4000],
      [3, 3500],
    ]);
  });

  it("uses the customer's tiers, falling back to the default for an unset tier: $60, $50, $45, then $30", async () => {
    const custom = await createCustomer(world.db, "Custom Fleet", {
      settings: { autoApproveLotRepairs: true, requirePhotoForApproval: false },
      pricing: { useCustomPricing: true, repair1Cents: 6000, repair2Cents: 5000, repair3Cents: 4500, version: 3 },
    });
    const walk = await createWalk(world.db, custom.id, world.tina.technicianId);
    const prices = [];
    for (let i = 0; i < 4; i++) {
      const repair = await capture(world.db, world, { unitNumber: "CU-1" }, world.tina, walk);
      prices.push(await finish(world.db, world.tina, repair.id));
    }
    expect(prices.map((r) => r.priceCents)).toEqual([6000, 5000, 4500, 3000]);
    expect(prices.map((r) => r.priceSource)).toEqual(["CUSTOM_TIER", "CUSTOM_TIER", "CUSTOM_TIER", "DEFAULT_TIER"]);
    expect(prices.every((r) => r.pricingVersion === 3)).toBe(true);
  });

  it("takes 10% off a $40 tier ($36.00) once the customer reached the threshold this month", async () => {
    const volume = await createCustomer(world.db, "Volume Fleet", {
      settings: { autoApproveLotRepairs: true, requirePhotoForApproval: false },
      pricing: { volumeDiscountThreshold: 3, volumeDiscountBasisPoints: 1000 },
    });
    const walk = await createWalk(world.db, volume.id, world.tina.technicianId);
    const done = async (unitNumber: string) => {
      const repair = await capture(world.db, world, { unitNumber }, world.tina, walk);
      return finish(world.db, world.tina, repair.id);
    };
    expect((await done("V-1")).priceCents).toBe(5000); // 1st of the month
    expect((await done("V-2")).priceCents).toBe(5000); // 2nd
    const third = await done("V-1"); // 3rd of the month, 2nd on its windshield
    expect(third).toMatchObject({ priceCents: 3600, priceSource: "VOLUME_DISCOUNT", tierOrdinal: 2 });
  });

  it("counts the month in the business time zone, from the completion dates in the history", async () => {
    const volume = await createCustomer(world.db, "Month Fleet", {
      settings: { autoApproveLotRepairs: true, requirePhotoForApproval: false },
      pricing: { volumeDiscountThreshold: 2, volumeDiscountBasisPoints: 1000 },
    });
    const walk = await createWalk(world.db, volume.id, world.tina.technicianId);
    const doneAt = async (unitNumber: string, completedAt: Date) => {
      const repair = await capture(world.db, world, { unitNumber, capturedAt: completedAt }, world.tina, walk);
      return finish(world.db, world.tina, repair.id, completedAt);
    };
    // 8 pm on Oct 31 in Denver is November in UTC; both repairs belong to the business's October.
    expect((await doneAt("M-1", new Date("2025-10-31T18:00:00-06:00"))).priceCents).toBe(5000);
    expect((await doneAt("M-2", new Date("2025-11-01T02:00:00Z"))).priceCents).toBe(4500);
    // The business's November starts at 06:00 UTC: first of its month, no discount.
    expect((await doneAt("M-3", new Date("2025-11-01T07:00:00Z"))).priceCents).toBe(5000);
  });

  it("re-estimates the unit's open repairs after a completion", async () => {
    const open = await capture(world.db, world, { unitNumber: "C-5" });
    await completedRepair(world.db, world, "C-5");
    const reloaded = await world.db.repair.findUniqueOrThrow({ where: { id: open.id } });
    expect(reloaded).toMatchObject({ estimateCents: 4000, estimateOrdinal: 2, priceCents: null });
  });

  it("refuses a technician completing someone else's repair", async () => {
    const repair = await capture(world.db, world, { unitNumber: "C-6" });
    await expect(completeRepair(world.db, contextFor(world.theo), { repairId: repair.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
