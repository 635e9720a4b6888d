import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor, createTechnician, createUnit } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("assigning, starting and cancelling", () => {
  const world = useWorld();

  async function requested(unitNumber: string) {
    const unit = await createUnit(world.db, world.acme.id, unitNumber);
    return callerFor(world.db, world.carla).repair.request({ id: randomUUID(), unitId: unit.id, damageType: "CHIP" });
  }

  it("assigns a request to a team member, who may then start it; reassigning is audited as such", async () => {
    const repair = await requested("AS-1");
    const maya = callerFor(world.db, world.maya);
    const assigned = await maya.repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId });
    expect(assigned).toMatchObject({ status: "ASSIGNED", technicianId: world.tina.technicianId });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: repair.id, action: "repair.assign" } });
    expect(audit).toMatchObject({ actorId: world.maya.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({
      status: { before: "REQUESTED", after: "ASSIGNED" },
      technicianId: { before: null, after: world.tina.technicianId },
    });

    const back = await maya.repair.assign({ repairId: repair.id, technicianId: world.maya.technicianId });
    expect(back.technicianId).toBe(world.maya.technicianId);
    expect(await world.db.auditLog.count({ where: { entityId: repair.id, action: "repair.reassign" } })).toBe(1);
    await maya.repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId });

    const started = await callerFor(world.db, world.tina).repair.start({ repairId: repair.id });
    expect(started.status).toBe("IN_PROGRESS");
    expect(started.startedAt).toBeInstanceOf(Date);
    const startAudit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: repair.id, action: "repair.start" },
    });
    expect(startAudit.changes).toMatchObject({ status: { before: "ASSIGNED", after: "IN_PROGRESS" } });
  });

  it("refuses assigning outside the manager's team, to an inactive or a blocked technician", async () => {
    const repair = await requested("AS-2");
    const maya = callerFor(world.db, world.maya);
    await expect(
      maya.repair.assign({ repairId: repair.id, technicianId: world.theo.technicianId }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "OUTSIDE_TEAM" },
    });
    const admin = callerFor(world.db, world.admin);
    const retired = await createTechnician(world.db, "Rex", { isActive: false });
    await expect(
      admin.repair.assign({ repairId: repair.id, technicianId: retired.technicianId }),
    ).rejects.toMatchObject({
      cause: { rule: "TECHNICIAN_INACTIVE" },
    });
    await world.db.customer.update({
      where: { id: world.acme.id },
      data: { blockedTechnicians: { connect: { id: world.theo.technicianId } } },
    });
    await expect(
      admin.repair.assign({ repairId: repair.id, technicianId: world.theo.technicianId }),
    ).rejects.toMatchObject({
      cause: { rule: "TECHNICIAN_BLOCKED" },
    });
    await expect(admin.repair.assign({ repairId: repair.id, technicianId: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a technician assigning work, at the procedure", async () => {
    const repair = await requested("AS-3");
    await expect(
      callerFor(world.db, world.tina).repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets a technician fix an auto-approved find on the spot: APPROVED -> IN_PROGRESS", async () => {
    const repair = await capture(world.db, world, { unitNumber: "AS-4" });
    expect((await callerFor(world.db, world.tina).repair.start({ repairId: repair.id })).status).toBe("IN_PROGRESS");
  });

  it("cancels with a reason: the customer before anyone committed, not afterwards", async () => {
    const carla = callerFor(world.db, world.carla);
    const early = await requested("AS-5");
    const cancelled = await carla.repair.cancel({ repairId: early.id, reason: "sold the van" });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      cancelledById: world.carla.userId,
      cancelReason: "sold the van",
    });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: early.id, action: "repair.cancel" } });
    expect(audit.changes).toMatchObject({
      status: { before: "REQUESTED", after: "CANCELLED" },
      cancelReason: { before: null, after: "sold the van" },
    });

    const committed = await requested("AS-6");
    await callerFor(world.db, world.maya).repair.assign({
      repairId: committed.id,
      technicianId: world.tina.technicianId,
    });
    await expect(carla.repair.cancel({ repairId: committed.id, reason: "changed my mind" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "ACTOR_NOT_ALLOWED" },
    });
    await expect(
      callerFor(world.db, world.maya).repair.cancel({ repairId: committed.id, reason: "" }),
    ).rejects.toMatchObject({
      cause: { rule: "REASON_REQUIRED" },
    });
    expect(
      (await callerFor(world.db, world.maya).repair.cancel({ repairId: committed.id, reason: "customer called" }))
        .status,
    ).toBe("CANCELLED");
  });
});
