import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { captureRepair } from "~/server/services/repairs/capture-repair";
import { ORIGIN, callerFor, contextFor, createWalk, photo } from "../../support/fixtures";
import { capture, completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("capturing a repair on a lot walk", () => {
  const world = useWorld();

  it("prices it, auto-approves it within the customer's limit, and audits who captured it from where", async () => {
    const id = randomUUID();
    const repair = await callerFor(world.db, world.tina).repair.capture({
      id,
      walkId: world.walk.id,
      customerId: world.acme.id,
      unitNumber: "NEW-1",
      damageType: "STAR_BREAK",
      technicianNotes: "drilled first",
      attachments: [photo("DAMAGE")],
    });
    expect(repair).toMatchObject({
      id,
      status: "APPROVED",
      technicianId: world.tina.technicianId,
      estimateCents: 5000,
      estimateOrdinal: 1,
      estimateSource: "DEFAULT_TIER",
      approvalKind: "AUTO",
      approvalRule: "WITHIN_LIMIT",
      approvedById: null,
      flaggedReason: null,
    });
    const unit = await world.db.unit.findUniqueOrThrow({ where: { id: repair.unitId } });
    expect(unit.unitNumber).toBe("NEW-1"); // new units are allowed on a walk
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({
      actorId: world.tina.userId,
      action: "repair.capture",
      entityType: "Repair",
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audit.changes).toMatchObject({
      status: { before: null, after: "APPROVED" },
      estimateCents: { before: null, after: 5000 },
      attachments: { before: null, after: [expect.any(String)] },
    });
    expect(await world.db.auditLog.count({ where: { action: "unit.create", entityId: unit.id } })).toBe(1);
    expect(await world.db.attachment.count({ where: { repairId: id } })).toBe(1);
  });

  it("leaves a repair without a damage photo waiting for approval", async () => {
    const repair = await capture(world.db, world, { unitNumber: "NO-PHOTO", attachments: [] });
    expect(repair).toMatchObject({ status: "PENDING_APPROVAL", approvalKind: null, estimateCents: 5000 });
  });

  it("prices the breaks of one job at consecutive tiers: $50 + $40 + $35 on a fresh windshield", async () => {
    const jobId = randomUUID();
    const breaks = [];
    for (const breakIndex of [0, 1, 2])
      breaks.push(await capture(world.db, world, { unitNumber: "JOB-3", jobId, breakIndex }));
    expect(breaks.map((b) => b.estimateCents)).toEqual([5000, 4000, 3500]);
    expect(breaks.map((b) => b.estimateOrdinal)).toEqual([1, 2, 3]);
  });

  it("is idempotent: replaying the same id returns the first result, with no second record or audit entry", async () => {
    const input = { id: randomUUID(), unitNumber: "REPLAY-1" };
    const first = await capture(world.db, world, input);
    const again = await capture(world.db, world, { ...input, damageType: "CRACK" });
    expect(again).toEqual(first);
    expect(await world.db.repair.count({ where: { id: input.id } })).toBe(1);
    expect(await world.db.auditLog.count({ where: { entityId: input.id } })).toBe(1);
  });

  it("refuses the same id from someone else", async () => {
    const id = randomUUID();
    await capture(world.db, world, { id, unitNumber: "REPLAY-2" });
    await expect(capture(world.db, world, { id, unitNumber: "REPLAY-2" }, world.maya)).rejects.toMatchObject({
      code: "ID_IN_USE",
    });
  });

  it("refuses a walk that is not the technician's, and a walk at another customer", async () => {
    await expect(capture(world.db, world, { unitNumber: "X" }, world.theo)).rejects.toMatchObject({
      code: "NOT_YOURS",
    });
    await expect(capture(world.db, world, { unitNumber: "X", customerId: world.globex.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(capture(world.db, world, { unitNumber: "X", walkId: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Nothing of a refused capture stays behind, not even the unit it would have created.
    expect(await world.db.unit.count({ where: { unitNumber: "X" } })).toBe(0);
  });

  it("checks the attachments' type and size online too, and stores nothing of a refused capture", async () => {
    const tina = callerFor(world.db, world.tina);
    const attempt = (unitNumber: string, changes: Partial<ReturnType<typeof photo>>) =>
      tina.repair.capture({
        id: randomUUID(),
        walkId: world.walk.id,
        customerId: world.acme.id,
        unitNumber,
        damageType: "CHIP",
        attachments: [{ ...photo("DAMAGE"), ...changes }],
      });
    // The same status as the upload routes give these codes (src/domain/errors.ts): 415 and 413.
    await expect(attempt("ONLINE-HTML", { mimeType: "text/html" })).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      cause: { code: "WRONG_FILE_TYPE" },
    });
    await expect(attempt("ONLINE-BIG", { sizeBytes: 9 * 1024 * 1024 })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      cause: { code: "FILE_TOO_LARGE" },
    });
    expect(await world.db.unit.count({ where: { unitNumber: { startsWith: "ONLINE-" } } })).toBe(0);
  });

  it("refuses a walk that was finished or cancelled, with a code, but for a repair its signed summary lists and a replay", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const before = await capture(world.db, world, { unitNumber: "CLOSED-1" }, world.tina, walk);
    const cancelled = await world.db.lotWalk.create({
      data: { id: randomUUID(), customerId: world.acme.id, technicianId: world.tina.technicianId, status: "CANCELLED" },
    });
    await world.db.lotWalk.update({ where: { id: walk.id }, data: { status: "COMPLETED", endedAt: new Date() } });

    await expect(capture(world.db, world, { unitNumber: "CLOSED-2" }, world.tina, walk)).rejects.toMatchObject({
      code: "WALK_COMPLETED",
    });
    await expect(capture(world.db, world, { unitNumber: "CLOSED-2" }, world.tina, cancelled)).rejects.toMatchObject({
      code: "WALK_CANCELLED",
    });
    const online = callerFor(world.db, world.tina).repair.capture({
      id: randomUUID(),
      walkId: walk.id,
      customerId: world.acme.id,
      unitNumber: "CLOSED-2",
      damageType: "CHIP",
    });
    await expect(online).rejects.toMatchObject({
      cause: { code: "WALK_COMPLETED", message: expect.stringMatching(/finished/) },
    });
    expect(await capture(world.db, world, { id: before.id, unitNumber: "CLOSED-1" }, world.tina, walk)).toEqual(before);
    expect(await world.db.unit.count({ where: { unitNumber: "CLOSED-2" } })).toBe(0);

    // One the contact signed for, arriving after the finish (its first sync failed), is still taken.
    const signedId = randomUUID();
    const signedSummary = {
      units: [{ unitNumber: "CLOSED-3", repairs: [{ id: signedId, damageType: "CHIP", estimateCents: 5000 }] }],
      totalCents: 5000,
    };
    await world.db.lotWalk.update({ where: { id: walk.id }, data: { signedSummary } });
    expect(await capture(world.db, world, { id: signedId, unitNumber: "CLOSED-3" }, world.tina, walk)).toMatchObject({
      id: signedId,
      walkId: walk.id,
    });
    await expect(
      capture(world.db, world, { id: signedId, unitNumber: "CLOSED-3" }, world.tina, cancelled),
    ).resolves.toMatchObject({ walkId: walk.id }); // a replay
  });

  it("lets a manager capture on a team member's walk, and refuses a customer user at the procedure", async () => {
    const repair = await capture(world.db, world, { unitNumber: "TEAM-1" }, world.maya);
    expect(repair.technicianId).toBe(world.tina.technicianId);
    await expect(
      callerFor(world.db, world.carla).repair.capture({
        id: randomUUID(),
        walkId: world.walk.id,
        customerId: world.acme.id,
        unitNumber: "C",
        damageType: "CHIP",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("flags a device estimate the server disagrees with, and keeps the server's price", async () => {
    await completedRepair(world.db, world, "STALE-1");
    const repair = await capture(world.db, world, {
      unitNumber: "STALE-1",
      deviceEstimateCents: 5000,
      deviceAutoApproved: true,
    });
    expect(repair).toMatchObject({ estimateCents: 4000, status: "APPROVED", deviceEstimateCents: 5000 });
    expect(repair.flaggedReason).toBe("the device estimated $50.00, the server priced $40.00");
  });

  it("sends work the device approved offline but the server would not to approval, flagged", async () => {
    const repair = await capture(world.db, world, {
      unitNumber: "OFFLINE-1",
      attachments: [],
      deviceAutoApproved: true,
      deviceEstimateCents: 5000,
    });
    expect(repair.status).toBe("PENDING_APPROVAL");
    expect(repair.flaggedReason).toBe(
      "auto-approved on the device, but the server says: needs approval: a damage photo is required",
    );
  });

  describe("completed on the spot", () => {
    it("completes and freezes the price in the same capture", async () => {
      const completedAt = new Date(Date.now() - 60_000);
      const repair = await capture(world.db, world, {
        unitNumber: "SPOT-1",
        attachments: [photo("DAMAGE"), photo("AFTER")],
        deviceAutoApproved: true,
        deviceEstimateCents: 5000,
        completedOnSpot: { completedAt },
      });
      expect(repair).toMatchObject({
        status: "COMPLETED",
        priceCents: 5000,
        tierOrdinal: 1,
        priceSource: "DEFAULT_TIER",
        pricingVersion: 0,
        completedAt,
        flaggedReason: null,
      });
      const audits = await world.db.auditLog.findMany({ where: { entityId: repair.id } });
      expect(audits).toHaveLength(1);
      expect(audits[0]!.changes).toMatchObject({
        status: { before: null, after: "COMPLETED" },
        priceCents: { before: null, after: 5000 },
      });
    });

    it("keeps work the device approved as done when the server's settings say it needed approval, flagged for a manager", async () => {
      await world.db.customer.update({ where: { id: world.acme.id }, data: { maxAutoApproveCents: 3000 } });
      try {
        const repair = await capture(world.db, world, {
          unitNumber: "SPOT-2",
          attachments: [photo("DAMAGE"), photo("AFTER")],
          deviceAutoApproved: true,
          deviceEstimateCents: 5000,
          completedOnSpot: { completedAt: new Date() },
        });
        expect(repair).toMatchObject({ status: "COMPLETED", priceCents: 5000, approvalKind: "AUTO" });
        expect(repair.flaggedReason).toBe(
          "auto-approved on the device, but the server says: needs approval: $50.00 is over the $30.00 auto-approve limit",
        );
      } finally {
        await world.db.customer.update({ where: { id: world.acme.id }, data: { maxAutoApproveCents: 10_000 } });
      }
    });

    it("needs an after photo", async () => {
      const attempt = capture(world.db, world, {
        unitNumber: "SPOT-3",
        deviceAutoApproved: true,
        completedOnSpot: { completedAt: new Date() },
      });
      await expect(attempt).rejects.toMatchObject({ code: "PRECONDITION_FAILED", rule: "AFTER_PHOTO_REQUIRED" });
    });

    it("cannot complete work nobody approved", async () => {
      const attempt = captureRepair(world.db, contextFor(world.tina), {
        id: randomUUID(),
        walkId: world.walk.id,
        customerId: world.acme.id,
        unitNumber: "SPOT-4",
        damageType: "CHIP",
        attachments: [photo("AFTER")],
        deviceAutoApproved: false,
        completedOnSpot: { completedAt: new Date() },
      });
      await expect(attempt).rejects.toMatchObject({ code: "NO_SUCH_TRANSITION" });
    });
  });
});
