import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor } from "../../support/fixtures";
import { capture, completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("units: windshield replacement and the fleet list", () => {
  const world = useWorld();

  const unitNamed = (unitNumber: string) => world.db.unit.findFirstOrThrow({ where: { unitNumber } });

  it("restarts tier pricing on a new windshield, keeps the old history, re-estimates open work, and is audited", async () => {
    await completedRepair(world.db, world, "W-1");
    await completedRepair(world.db, world, "W-1");
    const open = await capture(world.db, world, { unitNumber: "W-1" });
    expect(open.estimateCents).toBe(3500);
    const unit = await unitNamed("W-1");
    const replaced = await callerFor(world.db, world.maya).unit.markWindshieldReplaced({ unitId: unit.id });
    expect(replaced).toMatchObject({ windshieldSeq: 2 });
    expect(replaced.windshieldReplacedAt).toBeInstanceOf(Date);
    expect((await world.db.repair.findUniqueOrThrow({ where: { id: open.id } })).estimateCents).toBe(5000);
    const next = await completedRepair(world.db, world, "W-1");
    expect(next).toMatchObject({ tierOrdinal: 1, priceCents: 5000, windshieldSeq: 2 });
    expect(await world.db.repair.count({ where: { unitId: unit.id, windshieldSeq: 1, status: "COMPLETED" } })).toBe(2);
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { entityId: unit.id, action: "unit.replaceWindshield" },
    });
    expect(audit).toMatchObject({
      actorId: world.maya.userId,
      entityType: "Unit",
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audit.changes).toMatchObject({ windshieldSeq: { before: 1, after: 2 } });
  });

  it("may be marked by managers and admins only; another customer's unit is not found", async () => {
    await completedRepair(world.db, world, "W-2");
    const unit = await unitNamed("W-2");
    await expect(
      callerFor(world.db, world.tina).unit.markWindshieldReplaced({ unitId: unit.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(world.db, world.carla).unit.markWindshieldReplaced({ unitId: unit.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await callerFor(world.db, world.admin).unit.markWindshieldReplaced({ unitId: unit.id })).windshieldSeq,
    ).toBe(2);
  });

  it("lists a customer's units with the history and completed count of the current windshield", async () => {
    await completedRepair(world.db, world, "W-3");
    await completedRepair(world.db, world, "W-3");
    const open = await capture(world.db, world, { unitNumber: "W-3" });
    const units = await callerFor(world.db, world.carla).unit.listForCustomer({});
    const w3 = units.find((u) => u.unitNumber === "W-3")!;
    expect(w3.completedOnWindshield).toBe(2);
    expect(w3.history.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED", "APPROVED"]);
    expect(w3.history.at(-1)).not.toHaveProperty("technicianNotes");
    const w1 = units.find((u) => u.unitNumber === "W-1")!;
    expect(w1).toMatchObject({ windshieldSeq: 2, completedOnWindshield: 1 });
    expect(w1.history.every((r) => r.windshieldSeq === 2)).toBe(true);
    expect(open.id).toBe(w3.history.at(-1)!.id);
  });

  it("lists the fleet for pickers with the same records and counts, without the repairs, in the same scope", async () => {
    const full = await callerFor(world.db, world.carla).unit.listForCustomer({});
    const fleet = await callerFor(world.db, world.carla).unit.fleet({});
    expect(fleet).toEqual(full.map(({ history: _history, ...unit }) => unit));
    expect(fleet.find((u) => u.unitNumber === "W-3")).toMatchObject({ completedOnWindshield: 2 });
    expect(fleet[0]).not.toHaveProperty("history");
    await expect(callerFor(world.db, world.gus).unit.fleet({ customerId: world.acme.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(world.db, world.admin).unit.fleet({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows a technician the fleet but only their own repairs in it; a customer user only their own fleet", async () => {
    const asTheo = await callerFor(world.db, world.theo).unit.listForCustomer({ customerId: world.acme.id });
    expect(asTheo.find((u) => u.unitNumber === "W-3")).toMatchObject({ completedOnWindshield: 2, history: [] });
    await expect(
      callerFor(world.db, world.gus).unit.listForCustomer({ customerId: world.acme.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(world.db, world.admin).unit.listForCustomer({})).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
