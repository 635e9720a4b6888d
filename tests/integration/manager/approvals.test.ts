import { describe, expect, it } from "vitest";
import { recordSync } from "~/server/data/sync/record-sync";
import { ORIGIN, callerFor, contextFor, createWalk } from "../../support/fixtures";
import { capture, requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("the manager's approval queue", () => {
  const world = useWorld();

  /** A walk of Tina's at Acme with two pending finds: one at $50, one a manager priced at $200. */
  async function walkWithCheapAndDear(prefix: string) {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const cheap = await capture(world.db, world, { unitNumber: `${prefix}-1`, attachments: [] }, world.tina, walk);
    const dear = await capture(world.db, world, { unitNumber: `${prefix}-2`, attachments: [] }, world.tina, walk);
    await callerFor(world.db, world.admin).repair.overridePrice({
      repairId: dear.id,
      amountCents: 20_000,
      reason: "long crack, resin and time",
    });
    return { walk, cheap, dear };
  }

  it("shows a manager only what they may approve, grouped by walk, with the rule that sent it, photos and GPS", async () => {
    const globexWalk = await createWalk(world.db, world.globex.id, world.tina.technicianId);
    const found = await capture(
      world.db,
      world,
      { unitNumber: "Q-1", customerId: world.globex.id, latitude: 39.74, longitude: -104.99, gpsAccuracyM: 6 },
      world.tina,
      globexWalk,
    );
    const { walk, cheap, dear } = await walkWithCheapAndDear("Q");

    const queue = await callerFor(world.db, world.maya).manager.approvalQueue();
    const group = queue.groups.find((g) => g.walk?.id === walk.id)!;
    expect(group.repairs.map((r) => r.id)).toEqual([cheap.id]);
    expect(group).toMatchObject({
      customer: { id: world.acme.id, name: "Acme Rentals" },
      totalEstimateCents: 5000,
      othersPending: 1,
    });
    expect(group.walk).toMatchObject({
      status: "IN_PROGRESS",
      technician: { id: world.tina.technicianId, name: "Tina" },
    });
    expect(group.repairs[0]).toMatchObject({
      approvalRule: "PHOTO_REQUIRED",
      approvalReason: "needs approval: a damage photo is required",
      estimateCents: 5000,
    });
    expect(queue.groups.flatMap((g) => g.repairs).map((r) => r.id)).not.toContain(dear.id);

    const atGlobex = queue.groups.find((g) => g.walk?.id === globexWalk.id)!.repairs[0]!;
    expect(atGlobex).toMatchObject({
      id: found.id,
      approvalRule: "AUTO_APPROVE_OFF",
      unit: { unitNumber: "Q-1", windshieldSeq: 1 },
      technician: { id: world.tina.technicianId, name: "Tina" },
      gps: { latitude: 39.74, longitude: -104.99, accuracyM: 6 },
    });
    expect(atGlobex.attachments).toEqual([
      expect.objectContaining({ kind: "PHOTO", photoStage: "DAMAGE", mimeType: "image/jpeg", uploadedAt: null }),
    ]);

    const asAdmin = await callerFor(world.db, world.admin).manager.approvalQueue();
    expect(
      asAdmin.groups
        .find((g) => g.walk?.id === walk.id)!
        .repairs.map((r) => r.id)
        .sort(),
    ).toEqual([cheap.id, dear.id].sort());
  });

  it("refuses a manager's approval above their limit, and records who approved and when", async () => {
    const { cheap, dear } = await walkWithCheapAndDear("L");
    const maya = callerFor(world.db, world.maya);
    await expect(maya.repair.approve({ ids: [dear.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "OVER_APPROVAL_LIMIT" },
    });
    const before = new Date();
    const [approved] = await maya.repair.approve({ ids: [cheap.id] });
    expect(approved).toMatchObject({
      status: "APPROVED",
      approvalKind: "MANUAL",
      approvalRule: "BY_MANAGER",
      approvedById: world.maya.userId,
    });
    expect(approved!.approvedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: cheap.id, action: "repair.approve" } });
    expect(audit).toMatchObject({ actorId: world.maya.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({ approvalRule: { before: "PHOTO_REQUIRED", after: "BY_MANAGER" } });
  });

  it("approves a whole walk: everything within the limit in one go, the rest left pending and reported", async () => {
    const { walk, cheap, dear } = await walkWithCheapAndDear("W");
    const result = await callerFor(world.db, world.maya).manager.approveWalk({
      walkId: walk.id,
      note: "whole lot approved on site",
    });
    expect(result.approved.map((r) => r.id)).toEqual([cheap.id]);
    expect(result.approved[0]).toMatchObject({
      status: "APPROVED",
      approvedById: world.maya.userId,
      approvalReason: "whole lot approved on site",
    });
    expect(result.skipped).toEqual([
      {
        repairId: dear.id,
        unitNumber: "W-2",
        estimateCents: 20_000,
        code: "OVER_APPROVAL_LIMIT",
        reason: "the repair's price $200.00 is over your $150.00 approval limit",
      },
    ]);
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: dear.id } })).status).toBe("PENDING_APPROVAL");

    const byAdmin = await callerFor(world.db, world.admin).manager.approveWalk({ walkId: walk.id });
    expect(byAdmin).toMatchObject({ approved: [{ id: dear.id, approvalRule: "BY_ADMIN" }], skipped: [] });
    expect(await callerFor(world.db, world.admin).manager.approveWalk({ walkId: walk.id })).toEqual({
      approved: [],
      skipped: [],
    });
  });

  it("does not describe a walk outside the manager's team, and refuses a technician at the procedure", async () => {
    const theosWalk = await createWalk(world.db, world.acme.id, world.theo.technicianId);
    const theirs = await capture(world.db, world, { unitNumber: "T-1", attachments: [] }, world.theo, theosWalk);
    const maya = callerFor(world.db, world.maya);
    expect((await maya.manager.approvalQueue()).groups.flatMap((g) => g.repairs).map((r) => r.id)).not.toContain(
      theirs.id,
    );
    await expect(maya.manager.approveWalk({ walkId: theosWalk.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(world.db, world.tina).manager.approvalQueue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("PENDING_APPROVAL");
  });

  it("tells a polling tablet when its lists changed: new work, work leaving, its own rights", async () => {
    const maya = callerFor(world.db, world.maya);
    const first = await maya.manager.changesSince({});
    expect(first.changed).toBe(true);
    expect(await maya.manager.changesSince({ cursor: first.cursor })).toEqual({ cursor: first.cursor, changed: false });

    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const found = await capture(world.db, world, { unitNumber: "P-1", attachments: [] }, world.tina, walk);
    const afterCapture = await maya.manager.changesSince({ cursor: first.cursor });
    expect(afterCapture.changed).toBe(true);

    await callerFor(world.db, world.admin).repair.approve({ ids: [found.id] });
    const afterApproval = await maya.manager.changesSince({ cursor: afterCapture.cursor });
    expect(afterApproval.changed).toBe(true);

    const higherLimit = {
      ...world.maya,
      actor: { ...world.maya.actor, technician: { ...world.maya.actor.technician!, approvalLimitCents: 50_000 } },
    };
    expect(
      (await callerFor(world.db, higherLimit).manager.changesSince({ cursor: afterApproval.cursor })).changed,
    ).toBe(true);

    const photoPending = await capture(
      world.db,
      world,
      { unitNumber: "P-2", attachments: [], customerId: world.acme.id },
      world.theo,
      await createWalk(world.db, world.acme.id, world.theo.technicianId),
    );
    expect(photoPending.status).toBe("PENDING_APPROVAL");
    expect((await maya.manager.changesSince({ cursor: afterApproval.cursor })).changed).toBe(false); // outside Maya's team
  });

  it("tells it when the team's assigned work moves, a teammate starts a walk or a teammate's device syncs", async () => {
    const maya = callerFor(world.db, world.maya);
    const admin = callerFor(world.db, world.admin);
    const request = await requested(world.db, world, "M-1");
    await admin.repair.assign({ repairId: request.id, technicianId: world.tina.technicianId });
    let cursor = (await maya.manager.changesSince({})).cursor;
    const expectChange = async (changed: boolean) => {
      const next = await maya.manager.changesSince({ cursor });
      expect(next.changed).toBe(changed);
      cursor = next.cursor;
    };

    // Reassigned within the team by someone else: no list's size changes, the work moved.
    await admin.repair.assign({ repairId: request.id, technicianId: world.maya.technicianId });
    await expectChange(true);
    await expectChange(false);

    await recordSync(world.db, contextFor(world.tina));
    await expectChange(true);
    await recordSync(world.db, contextFor(world.theo)); // not Maya's team
    await expectChange(false);

    await createWalk(world.db, world.acme.id, world.tina.technicianId);
    await expectChange(true);
  });
});
