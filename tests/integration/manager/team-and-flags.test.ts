import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor, createTechnician, createWalk } from "../../support/fixtures";
import { capture, completedRepair, requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("the manager's unassigned work, team board and sync flags", () => {
  const world = useWorld();

  it("lists requests nobody has yet, and offers exactly the technicians the assignment would accept, preferred first", async () => {
    const nia = await createTechnician(world.db, "Nia");
    const ivy = await createTechnician(world.db, "Ivy", { isActive: false });
    const mona = await createTechnician(world.db, "Mona", {
      isManager: true,
      canAssignWork: true,
      manages: [world.tina.technicianId, nia.technicianId, ivy.technicianId],
    });
    await world.db.customer.update({
      where: { id: world.acme.id },
      data: {
        preferredTechnicians: { set: [{ id: world.tina.technicianId }] },
        blockedTechnicians: { set: [{ id: nia.technicianId }] },
      },
    });
    const repair = await requested(world.db, world, "RW-1");
    const asMona = callerFor(world.db, mona);
    const waiting = await asMona.manager.requestsWaiting();
    expect(waiting.repairs.map((r) => r.id)).toContain(repair.id);
    expect(waiting.repairs.find((r) => r.id === repair.id)).toMatchObject({
      status: "REQUESTED",
      technician: null,
      estimateCents: 5000,
      customer: { name: "Acme Rentals" },
    });

    const offered = await asMona.manager.assignableTechnicians({ repairId: repair.id });
    expect(offered.map((t) => t.name)).toEqual(["Tina", "Mona"]);
    expect(offered[0]).toMatchObject({
      technicianId: world.tina.technicianId,
      preferredByCustomer: true,
      openRepairs: 0,
    });
    const byAdmin = await callerFor(world.db, world.admin).manager.assignableTechnicians({ repairId: repair.id });
    expect(byAdmin.map((t) => t.name)).toEqual(["Tina", "Maya", "Mona", "Theo"]);

    await asMona.repair.assign({ repairId: repair.id, technicianId: offered[0]!.technicianId });
    expect((await asMona.manager.requestsWaiting()).repairs.map((r) => r.id)).not.toContain(repair.id);
    const cannotAssign = await createTechnician(world.db, "Otto", {
      isManager: true,
      manages: [world.tina.technicianId],
    });
    expect(
      await callerFor(world.db, cannotAssign).manager.assignableTechnicians({
        repairId: (await requested(world.db, world, "RW-2")).id,
      }),
    ).toEqual([]);
  });

  it("shows each team member's work today and when their device last synced", async () => {
    await completedRepair(world.db, world, "TB-1");
    await capture(world.db, world, { unitNumber: "TB-2", attachments: [] });
    const syncedAt = new Date(Date.now() - 5 * 60_000);
    await world.db.technician.update({ where: { id: world.tina.technicianId }, data: { lastSyncAt: syncedAt } });

    const team = await callerFor(world.db, world.maya).manager.team();
    expect(team.map((m) => m.name)).toEqual(["Maya", "Tina"]);
    expect(team[0]).toMatchObject({ isSelf: true, isManager: true, lastSyncAt: null });
    const tina = team[1]!;
    expect(tina).toMatchObject({
      technicianId: world.tina.technicianId,
      isSelf: false,
      lastSyncAt: syncedAt,
      completedToday: 1,
    });
    expect(tina.openByStatus.PENDING_APPROVAL).toBeGreaterThanOrEqual(1);
    expect(tina.openRepairs).toBe(Object.values(tina.openByStatus).reduce((a, b) => a + b, 0));
    expect(tina.currentWalk).toMatchObject({ id: world.walk.id, customerName: "Acme Rentals" });

    const everyone = await callerFor(world.db, world.admin).manager.team();
    expect(everyone.map((m) => m.name)).toEqual(expect.arrayContaining(["Maya", "Tina", "Theo"]));
  });

  it("lists open sync flags, settles one with a note (audited), and keeps the reason as history", async () => {
    const flagged = await capture(world.db, world, {
      unitNumber: "FL-1",
      attachments: [],
      deviceAutoApproved: true,
      deviceEstimateCents: 5000,
    });
    const theosWalk = await createWalk(world.db, world.acme.id, world.theo.technicianId);
    const outside = await capture(
      world.db,
      world,
      { unitNumber: "FL-2", deviceEstimateCents: 9900 },
      world.theo,
      theosWalk,
    );
    const maya = callerFor(world.db, world.maya);

    const open = await maya.manager.flagged();
    expect(open.repairs.map((r) => r.id)).toEqual([flagged.id]);
    expect(open.repairs[0]!.flaggedReason).toBe(
      "auto-approved on the device, but the server says: needs approval: a damage photo is required",
    );

    await expect(maya.manager.resolveFlag({ repairId: flagged.id, note: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "NOTE_REQUIRED" },
    });
    await expect(maya.manager.resolveFlag({ repairId: outside.id, note: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const settled = await maya.manager.resolveFlag({ repairId: flagged.id, note: "asked the customer; photo follows" });
    expect(settled).toMatchObject({
      flaggedReason: flagged.flaggedReason,
      flagResolvedById: world.maya.userId,
      flagResolutionNote: "asked the customer; photo follows",
    });
    expect(settled.flagResolvedAt).toBeInstanceOf(Date);
    expect((await maya.manager.flagged()).repairs).toEqual([]);
    await expect(maya.manager.resolveFlag({ repairId: flagged.id, note: "again" })).rejects.toMatchObject({
      cause: { code: "FLAG_ALREADY_RESOLVED" },
    });

    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: flagged.id, action: "repair.resolveFlag" },
    });
    expect(audit).toMatchObject({ actorId: world.maya.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({
      flagResolutionNote: { before: null, after: "asked the customer; photo follows" },
    });
    const asCarla = await callerFor(world.db, world.carla).repair.byId({ id: flagged.id });
    expect(asCarla).not.toHaveProperty("flagResolutionNote");
    expect(asCarla).not.toHaveProperty("flaggedReason");
    expect((await callerFor(world.db, world.admin).manager.flagged()).repairs.map((r) => r.id)).toEqual([outside.id]);
  });
});
