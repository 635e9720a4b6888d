import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

describe("starting a lot walk", () => {
  const world = useWorld();

  it("starts the technician's walk under the device's id, with GPS, audited", async () => {
    const id = randomUUID();
    const walk = await callerFor(world.db, world.tina).walk.start({
      id,
      customerId: world.acme.id,
      latitude: 39.74,
      longitude: -104.99,
      accuracyM: 8,
    });
    expect(walk).toMatchObject({
      id,
      technicianId: world.tina.technicianId,
      customerId: world.acme.id,
      status: "IN_PROGRESS",
      startLatitude: 39.74,
      startAccuracyM: 8,
    });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({
      action: "walk.start",
      entityType: "LotWalk",
      actorId: world.tina.userId,
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audit.changes).toMatchObject({ status: { before: null, after: "IN_PROGRESS" } });
  });

  it("is idempotent: a replay returns the walk as it is, with no second audit entry", async () => {
    const id = randomUUID();
    const tina = callerFor(world.db, world.tina);
    const first = await tina.walk.start({ id, customerId: world.acme.id });
    expect(await tina.walk.start({ id, customerId: world.acme.id, latitude: 1 })).toEqual(first);
    expect(await world.db.auditLog.count({ where: { entityId: id } })).toBe(1);
    await expect(tina.walk.start({ id, customerId: world.globex.id })).rejects.toMatchObject({
      cause: { code: "ID_IN_USE" },
    });
  });

  it("starts a scheduled walk", async () => {
    const scheduled = await world.db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: world.acme.id,
        technicianId: world.tina.technicianId,
        scheduledFor: new Date("2026-03-02"),
      },
    });
    const walk = await callerFor(world.db, world.tina).walk.start({ id: scheduled.id, customerId: world.acme.id });
    expect(walk).toMatchObject({ status: "IN_PROGRESS", scheduledFor: scheduled.scheduledFor });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: scheduled.id } });
    expect(audit.changes).toMatchObject({ status: { before: "SCHEDULED", after: "IN_PROGRESS" } });
  });

  it("lets a manager start one for a team member, not for someone outside the team; customers not at all", async () => {
    const maya = callerFor(world.db, world.maya);
    expect(
      (await maya.walk.start({ id: randomUUID(), customerId: world.acme.id, technicianId: world.tina.technicianId }))
        .technicianId,
    ).toBe(world.tina.technicianId);
    await expect(
      maya.walk.start({ id: randomUUID(), customerId: world.acme.id, technicianId: world.theo.technicianId }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "OUTSIDE_TEAM" },
    });
    await expect(
      callerFor(world.db, world.carla).walk.start({ id: randomUUID(), customerId: world.acme.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(world.db, world.admin).walk.start({ id: randomUUID(), customerId: world.acme.id }),
    ).rejects.toMatchObject({
      cause: { code: "TECHNICIAN_REQUIRED" },
    });
  });
});
