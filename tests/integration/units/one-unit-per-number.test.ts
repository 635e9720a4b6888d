// The office registers "ab-12"; the lot types "AB-12", "ab-12 " or "Ab  -12"... Every path
// spells the number one way, so the vehicle keeps one unit and one price history.
import { describe, expect, it } from "vitest";
import { callerFor, contextFor } from "../../support/fixtures";
import { finish } from "../../support/repair-flows";
import { pushMutations } from "~/server/services/sync/push-mutations";
import { DEVICE_ID, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("one unit per unit number, whatever its spelling", () => {
  const world = useWorld();
  const acmeUnits = () =>
    world.db.unit.findMany({ where: { customerId: world.acme.id }, orderBy: { createdAt: "asc" } });

  it("an 'ab-12' registered by the office is the 'AB-12' and ' ab-12 ' captured on the lot, in bulk and one by one", async () => {
    const admin = callerFor(world.db, world.admin);
    const registered = await admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "ab-12" });
    expect(registered.unitNumber).toBe("AB-12");
    for (const [mode, unitNumber] of [
      ["bulk", "AB-12"],
      ["one-by-one", " ab-12 "],
    ] as const) {
      const result = await pushMutations(
        world.db,
        contextFor(world.tina),
        { deviceId: DEVICE_ID, mutations: [repairCapture(world.walk, { unitNumber })] },
        mode,
      );
      expect(result.results.map((r) => r.ok)).toEqual([true]);
    }
    const units = await acmeUnits();
    expect(units.map((u) => [u.id, u.unitNumber])).toEqual([[registered.id, "AB-12"]]);
    expect(await world.db.repair.count({ where: { unitId: registered.id } })).toBe(2);
  });

  it("counts both captures in one history: the second completion is the unit's second", async () => {
    const repairs = await world.db.repair.findMany({
      where: { customer: { id: world.acme.id } },
      orderBy: { createdAt: "asc" },
    });
    for (const repair of repairs) {
      await finish(world.db, world.tina, repair.id);
    }
    const done = await world.db.repair.findMany({
      where: { customerId: world.acme.id },
      orderBy: { completedAt: "asc" },
    });
    expect(done.map((r) => r.tierOrdinal)).toEqual([1, 2]);
  });

  it("a CSV import of 'ab-12 ' names the registered unit instead of adding a second one", async () => {
    const admin = callerFor(world.db, world.admin);
    const result = await admin.admin.importUnitsCsv({
      customerId: world.acme.id,
      csv: "unit_number,make\nab-12 ,Ford\n",
    });
    expect(result).toEqual({
      ok: false,
      imported: 0,
      fileProblems: [],
      rowProblems: [{ line: 2, unitNumber: "AB-12", problems: ["unit AB-12 is already registered for this customer"] }],
    });
    expect(await acmeUnits()).toHaveLength(1);
  });

  it("refuses to rename another unit to a spelling of a registered number", async () => {
    const admin = callerFor(world.db, world.admin);
    const other = await admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "van  7 " });
    expect(other.unitNumber).toBe("VAN 7");
    await expect(admin.admin.updateUnit({ unitId: other.id, unitNumber: " Ab-12" })).rejects.toMatchObject({
      message: "Unit AB-12 is already registered for this customer.",
    });
  });

  it("the portal's search finds the unit however the customer types it", async () => {
    const page = await callerFor(world.db, world.carla).portal.units({ search: "ab-12" });
    expect(page.items.map((u) => u.unitNumber)).toEqual(["AB-12"]);
  });
});
