import { describe, expect, it } from "vitest";
import { callerFor } from "../../support/fixtures";
import { DEVICE_ID, repairCapture } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

// Valid check digits (src/domain/vin.test.ts); WRONG is VALID with its 9th character changed.
const VALID = "3C6UR5DL8KG512345";
const WRONG = "3C6UR5DL2KG512345";

describe("asset tags and VINs read by the camera", () => {
  const world = useWorld();

  it("an asset tag is normalized and unique within a customer's fleet, on forms and in imports", async () => {
    const admin = callerFor(world.db, world.admin);
    const unit = await admin.admin.createUnit({
      customerId: world.acme.id,
      unitNumber: "AT-1",
      assetTag: " flt 0001 ",
    });
    expect(unit.assetTag).toBe("FLT0001");
    await expect(
      admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "AT-2", assetTag: "FLT0001" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { code: "ASSET_TAG_IN_USE" } });
    await expect(
      admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "AT-2", assetTag: "FLT*1" }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_UNIT" } });
    // Another customer may use the same tag.
    const globex = await admin.admin.createUnit({
      customerId: world.globex.id,
      unitNumber: "AT-1",
      assetTag: "FLT0001",
    });
    expect(globex.assetTag).toBe("FLT0001");

    const other = await admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "AT-3" });
    await expect(admin.admin.updateUnit({ unitId: other.id, assetTag: "flt0001" })).rejects.toMatchObject({
      cause: { code: "ASSET_TAG_IN_USE" },
    });
    expect((await admin.admin.updateUnit({ unitId: unit.id, assetTag: "FLT0001", model: "Van" })).assetTag).toBe(
      "FLT0001",
    );
    expect((await admin.admin.updateUnit({ unitId: other.id, assetTag: "FLT-0003" })).assetTag).toBe("FLT-0003");

    const refused = await admin.admin.importUnitsCsv({
      customerId: world.acme.id,
      csv: "unit_number,asset_tag\nAT-10,FLT0001\nAT-11,FLT-11\n",
    });
    expect(refused).toMatchObject({
      ok: false,
      rowProblems: [{ line: 2, problems: ["the asset tag FLT0001 is already on another unit of this customer"] }],
    });
    const imported = await admin.admin.importUnitsCsv({
      customerId: world.acme.id,
      csv: "unit_number,asset_tag\nAT-11,flt-11\n",
    });
    expect(imported).toEqual({ ok: true, imported: 1 });
    expect(
      await world.db.unit.findFirstOrThrow({ where: { customerId: world.acme.id, unitNumber: "AT-11" } }),
    ).toMatchObject({ assetTag: "FLT-11" });
  });

  it("the technician's prepared units carry their asset tag and VIN", async () => {
    const snapshot = await callerFor(world.db, world.tina).sync.prepare();
    const tagged = snapshot.units.find((u) => u.unitNumber === "AT-1" && u.customerId === world.acme.id);
    expect(tagged).toMatchObject({ assetTag: "FLT0001", vin: null });
  });

  it("a capture that creates its unit keeps the VIN, make and year read from a scan; wrong facts are dropped, not refused", async () => {
    const walk = { id: world.walk.id, customerId: world.acme.id };
    const { results } = await callerFor(world.db, world.tina).sync.push({
      deviceId: DEVICE_ID,
      mutations: [
        repairCapture(walk, { unitNumber: "SCAN-1", newUnit: { vin: VALID, make: "Ram", year: 2019 } }),
        repairCapture(walk, { unitNumber: "SCAN-2", newUnit: { vin: WRONG, make: "Ram", year: 1900 } }),
        // A known unit is never changed by what a device read.
        repairCapture(walk, { unitNumber: "AT-1", newUnit: { vin: VALID, make: "Ram", year: 2019 } }),
      ],
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const units = await world.db.unit.findMany({
      where: { customerId: world.acme.id, unitNumber: { in: ["SCAN-1", "SCAN-2", "AT-1"] } },
      orderBy: { unitNumber: "asc" },
    });
    expect(units.map((u) => [u.unitNumber, u.vin, u.make, u.year])).toEqual([
      ["AT-1", null, null, null],
      ["SCAN-1", VALID, "Ram", 2019],
      ["SCAN-2", null, "Ram", null],
    ]);

    // The one-by-one path (repair.capture) does the same.
    const one = await callerFor(world.db, world.tina).repair.capture({
      ...(repairCapture(walk, { unitNumber: "SCAN-3", newUnit: { vin: "1FTFW1E51NFA00001", make: "Ford", year: 2022 } })
        .payload as object),
    } as Parameters<ReturnType<typeof callerFor>["repair"]["capture"]>[0]);
    expect(one.id).toBeTruthy();
    expect(
      await world.db.unit.findFirstOrThrow({ where: { customerId: world.acme.id, unitNumber: "SCAN-3" } }),
    ).toMatchObject({ vin: "1FTFW1E51NFA00001", make: "Ford", year: 2022 });
  });

  it("older devices' captures without facts still create bare units", async () => {
    const walk = { id: world.walk.id, customerId: world.acme.id };
    const { results } = await callerFor(world.db, world.tina).sync.push({
      deviceId: DEVICE_ID,
      mutations: [repairCapture(walk, { unitNumber: "OLD-1" })],
    });
    expect(results[0]?.ok).toBe(true);
    expect(
      await world.db.unit.findFirstOrThrow({ where: { customerId: world.acme.id, unitNumber: "OLD-1" } }),
    ).toMatchObject({ vin: null, make: null, year: null, assetTag: null });
  });

  // Last: a refused statement leaves the embedded database's connection unusable for what follows.
  it("the database refuses an asset tag in a spelling the rule would not write", async () => {
    const unit = await world.db.unit.findFirstOrThrow({ where: { customerId: world.acme.id, unitNumber: "AT-3" } });
    await expect(
      world.db.$executeRawUnsafe(`UPDATE "Unit" SET "assetTag" = 'flt 3' WHERE id = $1::uuid`, unit.id),
    ).rejects.toThrow(/Unit_assetTag_normalized/);
  });
});
