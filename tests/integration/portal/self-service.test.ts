// The customer's self-service on /portal: walk requests the office sees, unit editing and CSV
// import confined to the own fleet, windshield reports that reset pricing only once confirmed,
// and the live-status cursor that moves when one of the customer's repairs changes.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addDays } from "~/domain";
import { businessDate } from "~/server/data/settings/business-day";
import { callerFor, createUnit } from "../../support/fixtures";
import { capture, completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("portal self-service", () => {
  const world = useWorld();

  it("a walk request shows in the office's week, is stored once on a double click, and is withdrawn only by its customer before it starts", async () => {
    const carla = callerFor(world.db, world.carla);
    const date = addDays(businessDate(), 2);
    const id = randomUUID();
    const [asked, again] = await Promise.all([
      carla.portal.requestWalk({ id, date, note: "Ten vans back from the road" }),
      carla.portal.requestWalk({ id, date, note: "Ten vans back from the road" }),
    ]);
    expect(again.id).toBe(asked.id);
    expect(asked).toMatchObject({ date, requested: true, cancellable: true, technicianName: null });
    expect((await carla.portal.walks()).map((w) => w.id)).toContain(id);

    const week = await callerFor(world.db, world.maya).schedule.week({ day: date });
    expect(week.walks.find((w) => w.id === id)).toMatchObject({
      customerName: "Acme Rentals",
      technicianId: null,
      origin: "ONE_OFF",
      requestedByCustomer: true,
      requestNote: "Ten vans back from the road",
    });

    await expect(callerFor(world.db, world.gus).portal.cancelWalkRequest({ walkId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      carla.portal.requestWalk({ id: randomUUID(), date: addDays(businessDate(), -1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A walk the office planned is not the customer's to cancel.
    await expect(carla.portal.cancelWalkRequest({ walkId: world.walk.id })).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await carla.portal.cancelWalkRequest({ walkId: id })).toMatchObject({
      status: "CANCELLED",
      cancellable: false,
    });
    await expect(carla.portal.cancelWalkRequest({ walkId: id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await carla.portal.walks()).map((w) => w.id)).not.toContain(id);
  });

  it("a customer adds, edits and imports its own units; duplicates name the existing unit; another customer's unit is not found", async () => {
    const carla = callerFor(world.db, world.carla);
    const unit = await carla.portal.createUnit({ unitNumber: " van  7 ", make: "Ford" });
    expect(unit).toMatchObject({ unitNumber: "VAN 7", customerId: world.acme.id });
    await expect(carla.portal.createUnit({ unitNumber: "van 7" })).rejects.toThrow(/Unit VAN 7 is already registered/);
    expect(await carla.portal.updateUnit({ unitId: unit.id, model: "Transit" })).toMatchObject({ model: "Transit" });

    const globexUnit = await createUnit(world.db, world.globex.id, "G-1");
    await expect(carla.portal.updateUnit({ unitId: globexUnit.id, make: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const imported = await carla.portal.importUnitsCsv({ csv: "unit_number,make\nVAN 8,Ford\nVAN 9,Ram\n" });
    expect(imported).toEqual({ ok: true, imported: 2 });
    const refused = await carla.portal.importUnitsCsv({ csv: "unit_number\nvan 9\nVAN 10\n" });
    expect(refused).toMatchObject({ ok: false, imported: 0 });
    expect(await world.db.unit.count({ where: { customerId: world.acme.id, unitNumber: "VAN 10" } })).toBe(0);
    expect(await world.db.unit.count({ where: { customerId: world.globex.id, unitNumber: "VAN 8" } })).toBe(0);
  });

  it("a windshield report restarts the unit's pricing only once the office confirms it", async () => {
    await completedRepair(world.db, world, "W-1");
    const unit = await world.db.unit.findFirstOrThrow({ where: { customerId: world.acme.id, unitNumber: "W-1" } });
    const carla = callerFor(world.db, world.carla);
    const priceNow = async () => (await carla.repair.estimateForUnit({ unitId: unit.id })).lines[0]!.cents;
    expect(await priceNow()).toBe(4000);

    const id = randomUUID();
    const report = await carla.portal.reportWindshield({ id, unitId: unit.id, replacedOn: businessDate() });
    expect(report.status).toBe("PENDING");
    expect((await carla.portal.reportWindshield({ id, unitId: unit.id, replacedOn: businessDate() })).id).toBe(id);
    await expect(
      carla.portal.reportWindshield({ id: randomUUID(), unitId: unit.id, replacedOn: businessDate() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      callerFor(world.db, world.gus).portal.reportWindshield({
        id: randomUUID(),
        unitId: unit.id,
        replacedOn: businessDate(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      carla.portal.reportWindshield({ id: randomUUID(), unitId: unit.id, replacedOn: addDays(businessDate(), 1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Reported, not confirmed: the second tier still applies.
    expect(await priceNow()).toBe(4000);
    expect((await world.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).windshieldSeq).toBe(1);

    const maya = callerFor(world.db, world.maya);
    expect((await maya.unit.windshieldReports({})).map((r) => r.id)).toContain(id);
    await expect(carla.unit.decideWindshieldReport({ reportId: id, confirm: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await maya.unit.decideWindshieldReport({ reportId: id, confirm: true })).toMatchObject({
      status: "CONFIRMED",
    });
    expect(await priceNow()).toBe(5000);
    expect((await world.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).windshieldSeq).toBe(2);
    await expect(maya.unit.decideWindshieldReport({ reportId: id, confirm: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    // A rejected report changes nothing.
    const other = randomUUID();
    await carla.portal.reportWindshield({ id: other, unitId: unit.id, replacedOn: businessDate() });
    await maya.unit.decideWindshieldReport({ reportId: other, confirm: false });
    expect((await world.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).windshieldSeq).toBe(2);
  });

  it("the live-status cursor moves when one of the customer's repairs changes, and not for another customer's", async () => {
    const repair = await capture(world.db, world, { unitNumber: "L-1" });
    const carla = callerFor(world.db, world.carla);
    const gus = callerFor(world.db, world.gus);
    const { cursor } = await carla.portal.changes({});
    const gusCursor = (await gus.portal.changes({})).cursor;
    expect(await carla.portal.changes({ cursor })).toEqual({ cursor, changed: false });

    await world.db.repair.update({ where: { id: repair.id }, data: { status: "APPROVED" } });
    expect(await carla.portal.changes({ cursor })).toMatchObject({ changed: true });
    expect(await gus.portal.changes({ cursor: gusCursor })).toEqual({ cursor: gusCursor, changed: false });
  });
});
