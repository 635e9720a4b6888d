import { describe, expect, it } from "vitest";
import { ORIGIN, callerFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

const VIN = "1FTFW1E50PFA12345";
const HEADER = "unit_number,vin,make,model,year";

/** 30 trucks; `bad` replaces some rows (by index) with broken ones. */
function fleetCsv(bad: Record<number, string> = {}) {
  const rows = Array.from(
    { length: 30 },
    (_, i) =>
      bad[i] ??
      `TRK-${String(i + 1).padStart(3, "0")},${i % 2 ? VIN.slice(0, 14) + String(100 + i) : ""},Freightliner,"Cascadia, day cab",${2015 + (i % 10)}`,
  );
  return [HEADER, ...rows].join("\r\n") + "\r\n";
}

describe("an admin managing a customer's units", () => {
  const world = useWorld();

  it("imports nothing from a file with bad rows and names each one; the fixed file then imports all 30, audited once", async () => {
    const admin = callerFor(world.db, world.admin);
    const broken = fleetCsv({ 6: "TRK-007,1FTFW1E50PFA1234O,Ford,F-150,2020", 18: "TRK-001,,Volvo,VNL,1975" });
    const refused = await admin.admin.importUnitsCsv({ customerId: world.globex.id, csv: broken });
    expect(refused).toEqual({
      ok: false,
      imported: 0,
      fileProblems: [],
      rowProblems: [
        {
          line: 8,
          unitNumber: "TRK-007",
          problems: ['the VIN "1FTFW1E50PFA1234O" is not 17 letters and digits (no I, O or Q)'],
        },
        {
          line: 20,
          unitNumber: "TRK-001",
          problems: [
            expect.stringMatching(/^the year 1975 is not between 1980 and \d{4}$/),
            "unit TRK-001 is already on line 2",
          ],
        },
      ],
    });
    expect(await world.db.unit.count({ where: { customerId: world.globex.id } })).toBe(0);
    expect(await world.db.auditLog.count({ where: { action: "unit.import" } })).toBe(0);

    const imported = await admin.admin.importUnitsCsv({ customerId: world.globex.id, csv: fleetCsv() });
    expect(imported).toEqual({ ok: true, imported: 30 });
    const units = await world.db.unit.findMany({
      where: { customerId: world.globex.id },
      orderBy: { unitNumber: "asc" },
    });
    expect(units).toHaveLength(30);
    expect(units[1]).toMatchObject({
      unitNumber: "TRK-002",
      vin: "1FTFW1E50PFA12101",
      make: "Freightliner",
      model: "Cascadia, day cab",
      year: 2016,
    });
    const audits = await world.db.auditLog.findMany({ where: { action: "unit.import" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityType: "Customer",
      entityId: world.globex.id,
      actorId: world.admin.userId,
      ip: ORIGIN.ip,
      userAgent: ORIGIN.userAgent,
    });
    expect(audits[0]!.changes).toMatchObject({ unitsImported: { before: null, after: 30 } });

    const twice = await admin.admin.importUnitsCsv({ customerId: world.globex.id, csv: fleetCsv() });
    expect(twice.ok).toBe(false);
    expect(!twice.ok && twice.rowProblems[0]).toEqual({
      line: 2,
      unitNumber: "TRK-001",
      problems: ["unit TRK-001 is already registered for this customer"],
    });
  });

  it("refuses a file without a header, an unclosed quote, too many rows or more than 1 MB", async () => {
    const admin = callerFor(world.db, world.admin);
    const problemsOf = async (csv: string) => {
      const result = await admin.admin.importUnitsCsv({ customerId: world.acme.id, csv });
      return result.ok ? [] : result.fileProblems;
    };
    expect((await problemsOf("TRK-1,,Ford,F-150,2020\n"))[0]).toMatch(/^Line 1: unknown column/);
    expect(await problemsOf('unit_number,model\nA-1,"Camry\n')).toEqual(["Line 2: a quoted cell is never closed."]);
    const tooMany = ["unit_number", ...Array.from({ length: 5001 }, (_, i) => `M-${i}`)].join("\n");
    expect((await problemsOf(tooMany))[0]).toContain("at most 5000");
    const huge = `unit_number,model\n${"B-1," + "x".repeat(1024 * 1024)}\n`;
    await expect(admin.admin.importUnitsCsv({ customerId: world.acme.id, csv: huge })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await world.db.unit.count({ where: { customerId: world.acme.id } })).toBe(0);
  });

  it("creates and edits a unit: VIN in capitals, unit numbers unique per customer, audited", async () => {
    const admin = callerFor(world.db, world.admin);
    const unit = await admin.admin.createUnit({
      customerId: world.acme.id,
      unitNumber: " A-100 ",
      vin: VIN.toLowerCase(),
      make: "Toyota",
      model: "Camry",
      year: 2022,
    });
    expect(unit).toMatchObject({ unitNumber: "A-100", vin: VIN, windshieldSeq: 1 });
    await expect(admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "A-100" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "UNIT_NUMBER_IN_USE" },
    });
    await expect(
      admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "A-101", year: 1979 }),
    ).rejects.toMatchObject({ cause: { code: "INVALID_UNIT" } });
    expect((await admin.admin.createUnit({ customerId: world.globex.id, unitNumber: "A-100" })).customerId).toBe(
      world.globex.id,
    );

    const other = await admin.admin.createUnit({ customerId: world.acme.id, unitNumber: "A-102" });
    await expect(admin.admin.updateUnit({ unitId: other.id, unitNumber: "A-100" })).rejects.toMatchObject({
      cause: { code: "UNIT_NUMBER_IN_USE" },
    });
    const edited = await admin.admin.updateUnit({ unitId: unit.id, vin: null, model: "Camry Hybrid" });
    expect(edited).toMatchObject({ unitNumber: "A-100", vin: null, make: "Toyota", model: "Camry Hybrid", year: 2022 });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: unit.id, action: "unit.update" } });
    expect(audit).toMatchObject({ actorId: world.admin.userId, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(audit.changes).toEqual({
      vin: { before: VIN, after: null },
      model: { before: "Camry", after: "Camry Hybrid" },
    });
    expect(await world.db.auditLog.count({ where: { entityId: unit.id, action: "unit.create" } })).toBe(1);
    await expect(
      callerFor(world.db, world.maya).admin.createUnit({ customerId: world.acme.id, unitNumber: "M-1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
