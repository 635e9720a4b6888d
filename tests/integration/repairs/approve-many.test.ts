import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COUNT_LIMITS } from "~/domain/form-fields";
import { insertRows } from "~/server/db/insert-rows";
import { callerFor, createWalk } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("approving a selection of many repairs", () => {
  const world = useWorld();

  /** `count` pending repairs like one captured on the walk, written at once (capturing each would take minutes). */
  async function pendingRepairs(count: number, unitNumber: string, flagged = 0): Promise<string[]> {
    const model = await world.db.repair.findUniqueOrThrow({
      where: { id: (await capture(world.db, world, { unitNumber, attachments: [] })).id },
    });
    const ids = Array.from({ length: count - 1 }, () => randomUUID());
    await insertRows(
      world.db,
      "Repair",
      ids.map((id, i) => ({
        ...model,
        id,
        flaggedReason: i < flagged ? "the device estimated $50.00, the server priced $40.00" : null,
        flagResolvedAt: null,
      })),
    );
    return [model.id, ...ids];
  }

  it("approves 500 in one decision, each audited, with its event, and settles the flags among them", async () => {
    const ids = await pendingRepairs(COUNT_LIMITS.repairsPerDecision, "MANY-1", 3);
    expect(ids).toHaveLength(500);
    const carla = callerFor(world.db, world.carla);

    const started = performance.now();
    const approved = await carla.repair.approve({ ids, note: "all of them" });
    console.log(`approving ${ids.length} repairs: ${((performance.now() - started) / 1000).toFixed(2)} s`);

    expect(approved.map((r) => r.id)).toEqual([...ids].sort());
    expect(new Set(approved.map((r) => r.status))).toEqual(new Set(["APPROVED"]));
    expect(approved[0]).toMatchObject({
      approvalKind: "MANUAL",
      approvalRule: "BY_CUSTOMER",
      approvalReason: "all of them",
    });
    expect(await world.db.repair.count({ where: { id: { in: ids }, status: "APPROVED" } })).toBe(500);
    expect(await world.db.auditLog.count({ where: { action: "repair.approve", entityId: { in: ids } } })).toBe(500);
    expect(await world.db.domainEvent.count({ where: { type: "REPAIR_APPROVED", repairId: { in: ids } } })).toBe(500);
    // Only the three flagged repairs had a flag to settle.
    const settled = await world.db.repair.findMany({
      where: { id: { in: ids }, flagResolutionNote: "Settled by the approval" },
      select: { flagResolvedById: true },
    });
    expect(settled).toEqual(Array(3).fill({ flagResolvedById: world.carla.userId }));
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: ids[1], action: "repair.approve" } });
    expect(audit.changes).toMatchObject({
      status: { before: "PENDING_APPROVAL", after: "APPROVED" },
      approvedById: { before: null, after: world.carla.userId },
    });
  });

  it("approves none of 500 when one is another customer's (not found) or not pending, and refuses more than 500", async () => {
    const ids = await pendingRepairs(COUNT_LIMITS.repairsPerDecision - 1, "MANY-2");
    const globexWalk = await createWalk(world.db, world.globex.id, world.tina.technicianId);
    const theirs = await capture(world.db, world, { unitNumber: "G-1", attachments: [] }, world.tina, globexWalk);
    const carla = callerFor(world.db, world.carla);

    await expect(carla.repair.approve({ ids: [...ids, theirs.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const approvedAlready = await capture(world.db, world, { unitNumber: "MANY-3" });
    await expect(carla.repair.approve({ ids: [...ids, approvedAlready.id] })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "NO_SUCH_TRANSITION" },
    });
    await expect(carla.repair.approve({ ids: [...ids, randomUUID(), randomUUID()] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await world.db.repair.count({ where: { id: { in: ids }, status: "PENDING_APPROVAL" } })).toBe(499);
    expect(await world.db.auditLog.count({ where: { action: "repair.approve", entityId: { in: ids } } })).toBe(0);
    expect(await world.db.domainEvent.count({ where: { type: "REPAIR_APPROVED", repairId: { in: ids } } })).toBe(0);
  });

  it("denies 500 in one decision", async () => {
    const ids = await pendingRepairs(COUNT_LIMITS.repairsPerDecision, "MANY-4");
    const denied = await callerFor(world.db, world.maya).repair.deny({ ids, reason: "windshields to be replaced" });
    expect(denied.map((r) => r.status)).toEqual(Array(500).fill("DENIED"));
    expect(await world.db.auditLog.count({ where: { action: "repair.deny", entityId: { in: ids } } })).toBe(500);
  });
});
