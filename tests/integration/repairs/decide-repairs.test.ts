import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("approving and denying pending repairs", () => {
  const world = useWorld();

  const pending = (unitNumber: string) => capture(world.db, world, { unitNumber, attachments: [] });

  it("approves several at once, recording who approved, when and by which rule", async () => {
    const a = await pending("D-1");
    const b = await pending("D-2");
    const approved = await callerFor(world.db, world.carla).repair.approve({ ids: [a.id, b.id], note: "go ahead" });
    expect(approved.map((r) => r.status)).toEqual(["APPROVED", "APPROVED"]);
    expect(approved[0]).toMatchObject({
      approvalKind: "MANUAL",
      approvalRule: "BY_CUSTOMER",
      approvalReason: "go ahead",
      approvedById: world.carla.userId,
    });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: a.id, action: "repair.approve" } });
    expect(audit).toMatchObject({ actorId: world.carla.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toMatchObject({
      status: { before: "PENDING_APPROVAL", after: "APPROVED" },
      approvedById: { before: null, after: world.carla.userId },
    });
  });

  it("approves all or none: one repair that is not pending refuses the whole batch", async () => {
    const a = await pending("D-3");
    const approvedAlready = await capture(world.db, world, { unitNumber: "D-4" });
    await expect(
      callerFor(world.db, world.admin).repair.approve({ ids: [a.id, approvedAlready.id] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "NO_SUCH_TRANSITION" },
    });
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("PENDING_APPROVAL");
    expect(await world.db.auditLog.count({ where: { entityId: a.id, action: "repair.approve" } })).toBe(0);
  });

  it("holds a manager to the approval limit", async () => {
    const repair = await pending("D-5");
    await callerFor(world.db, world.admin).repair.overridePrice({
      repairId: repair.id,
      amountCents: 20_000,
      reason: "crack across the driver's view",
    });
    await expect(callerFor(world.db, world.maya).repair.approve({ ids: [repair.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "OVER_APPROVAL_LIMIT" },
    });
    const cheap = await pending("D-6");
    expect((await callerFor(world.db, world.maya).repair.approve({ ids: [cheap.id] }))[0]).toMatchObject({
      approvalRule: "BY_MANAGER",
    });
  });

  it("denies with a reason, which is required", async () => {
    const repair = await pending("D-7");
    const carla = callerFor(world.db, world.carla);
    await expect(carla.repair.deny({ ids: [repair.id], reason: "  " })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { rule: "REASON_REQUIRED" },
    });
    const [denied] = await carla.repair.deny({ ids: [repair.id], reason: "leasing returns it next week" });
    expect(denied).toMatchObject({
      status: "DENIED",
      deniedById: world.carla.userId,
      denialReason: "leasing returns it next week",
    });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: repair.id, action: "repair.deny" } });
    expect(audit.changes).toMatchObject({
      status: { before: "PENDING_APPROVAL", after: "DENIED" },
      denialReason: { before: null, after: "leasing returns it next week" },
    });
  });

  it("refuses a technician at the procedure, and an unknown id as not found", async () => {
    const repair = await pending("D-8");
    await expect(callerFor(world.db, world.tina).repair.approve({ ids: [repair.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(world.db, world.admin).repair.approve({ ids: [randomUUID()] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(world.db, null).repair.approve({ ids: [repair.id] })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
