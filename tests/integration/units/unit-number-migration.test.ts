// Migration 0005 on a database that still holds units spelled several ways: "ab-12", "AB-12"
// and "Ab-12 " of one customer become one unit with one price history, audited.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "~/server/db/migrations";
import { type World, createUnit, createWorld } from "../../support/fixtures";
import { capture, completedRepair, finish } from "../../support/repair-flows";
import { type TestDatabase, startTestDatabase } from "../../support/test-database";

const MIGRATION = "0005_unit_number_rule";

describe(`migration ${MIGRATION}`, () => {
  let database: TestDatabase;
  let world: World;
  const ids = {} as Record<
    "survivor" | "loser" | "spaced" | "van" | "cafe" | "cafeUpper" | "globex" | "r1" | "r2" | "r3" | "open",
    string
  >;

  beforeAll(async () => {
    // The migrations before this one, so the old spellings can still be stored.
    const before = mkdtempSync(path.join(tmpdir(), "rs-migrations-"));
    cpSync("prisma/migrations", before, { recursive: true });
    rmSync(path.join(before, MIGRATION), { recursive: true });
    database = await startTestDatabase({ migrations: before });
    const db = database.db;
    world = await createWorld(db);
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute));
    // The office registered "ab-12" first; the lot later made "AB-12" and "Ab-12 ".
    ids.survivor = (
      await db.unit.create({ data: { customerId: world.acme.id, unitNumber: "ab-12", createdAt: at(0) } })
    ).id;
    ids.loser = (
      await db.unit.create({
        data: {
          customerId: world.acme.id,
          unitNumber: "AB-12",
          createdAt: at(1),
          vin: "1HGCM82633A004352",
        },
      })
    ).id;
    ids.spaced = (
      await db.unit.create({ data: { customerId: world.acme.id, unitNumber: "Ab-12 ", createdAt: at(2) } })
    ).id;
    ids.van = (await createUnit(db, world.acme.id, "van  7")).id;
    // Accented letters are upper-cased as the device does, whatever the database's locale.
    ids.cafe = (
      await db.unit.create({ data: { customerId: world.acme.id, unitNumber: "café 9", createdAt: at(3) } })
    ).id;
    ids.cafeUpper = (await createUnit(db, world.acme.id, "CAFE\u0301  9")).id;
    ids.globex = (await createUnit(db, world.globex.id, "ab-12")).id;

    // Three completions, each the first or second on its own unit: ordinals 1 (r1), 1 (r2), 2 (r3).
    ids.r1 = (await completedRepair(db, world, "AB-12")).id;
    const r2 = await capture(db, world, { unitNumber: "AB-12" });
    await db.repair.update({ where: { id: r2.id }, data: { unitId: ids.survivor } });
    ids.r2 = (await finish(db, world.tina, r2.id)).id;
    ids.r3 = (await completedRepair(db, world, "AB-12")).id;
    const open = await capture(db, world, { unitNumber: "AB-12" });
    await db.repair.update({ where: { id: open.id }, data: { unitId: ids.spaced } });
    ids.open = open.id;
    const ordinals = await db.repair.findMany({
      where: { id: { in: [ids.r1, ids.r2, ids.r3] } },
      orderBy: { completedAt: "asc" },
      select: { tierOrdinal: true },
    });
    expect(ordinals.map((r) => r.tierOrdinal)).toEqual([1, 1, 2]);

    await database.db.$disconnect();
    expect(await applyMigrations(database.url, "prisma/migrations")).toEqual([MIGRATION]);
  });
  afterAll(() => database?.stop());

  it("merges one customer's spellings into its oldest unit, with one history in completion order", async () => {
    const units = await database.db.unit.findMany({
      where: { customerId: world.acme.id },
      orderBy: { unitNumber: "asc" },
    });
    expect(units.map((u) => [u.id, u.unitNumber])).toEqual([
      [ids.survivor, "AB-12"],
      [ids.cafe, "CAF\u00c9 9"],
      [ids.van, "VAN 7"],
    ]);
    const survivor = units[0]!;
    expect(survivor.vin).toBe("1HGCM82633A004352");
    const repairs = await database.db.repair.findMany({
      where: { unitId: survivor.id },
      orderBy: [{ completedAt: { sort: "asc", nulls: "last" } }],
      select: { id: true, tierOrdinal: true, priceCents: true },
    });
    expect(repairs.map((r) => [r.id, r.tierOrdinal])).toEqual([
      [ids.r1, 1],
      [ids.r2, 2],
      [ids.r3, 3],
      [ids.open, null],
    ]);
  });

  it("leaves another customer's same number alone, only respelled", async () => {
    const globex = await database.db.unit.findMany({ where: { customerId: world.globex.id } });
    expect(globex.map((u) => [u.id, u.unitNumber])).toEqual([[ids.globex, "AB-12"]]);
  });

  it("writes an audit entry per merge, per moved or renumbered repair and per changed unit", async () => {
    const audits = await database.db.auditLog.findMany({
      where: { actorId: null, action: { in: ["unit.merge", "repair.unitMerge", "unit.update"] } },
      orderBy: { seq: "asc" },
    });
    const merges = audits.filter((a) => a.action === "unit.merge");
    expect(merges.map((a) => a.entityId).sort()).toEqual([ids.survivor, ids.survivor, ids.cafe].sort());
    const merged = merges.map((a) => (a.changes as { mergedUnit: { before: { id: string } } }).mergedUnit.before.id);
    expect(merged.sort()).toEqual([ids.loser, ids.spaced, ids.cafeUpper].sort());
    const loserMerge = merges.find((a) => JSON.stringify(a.changes).includes(ids.loser))!;
    expect((loserMerge.changes as { repairIds: { after: string[] } }).repairIds.after.sort()).toEqual(
      [ids.r1, ids.r3].sort(),
    );
    const repairEntries = new Map(
      audits.filter((a) => a.action === "repair.unitMerge").map((a) => [a.entityId, a.changes]),
    );
    expect(repairEntries.get(ids.r2)).toEqual({ tierOrdinal: { before: 1, after: 2 } });
    expect(repairEntries.get(ids.r3)).toEqual({
      unitId: { before: ids.loser, after: ids.survivor },
      tierOrdinal: { before: 2, after: 3 },
    });
    expect(repairEntries.get(ids.r1)).toEqual({ unitId: { before: ids.loser, after: ids.survivor } });
    const updated = new Map(audits.filter((a) => a.action === "unit.update").map((a) => [a.entityId, a.changes]));
    expect(updated.get(ids.van)).toEqual({ unitNumber: { before: "van  7", after: "VAN 7" } });
    expect(updated.get(ids.survivor)).toMatchObject({
      unitNumber: { before: "ab-12", after: "AB-12" },
      vin: { before: null, after: "1HGCM82633A004352" },
    });
  });

  it("counts the next completion after the joined history, whatever the spelling typed", async () => {
    const next = await completedRepair(database.db, world, " ab-12 ");
    expect(next.unitId).toBe(ids.survivor);
    expect(next.tierOrdinal).toBe(4);
  });
  it("refuses a number stored in another spelling from now on", async () => {
    await expect(
      database.db.$executeRawUnsafe(
        `INSERT INTO "Unit" (id, "customerId", "unitNumber", "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'ab-13', now())`,
        world.acme.id,
      ),
    ).rejects.toThrow(/Unit_unitNumber_normalized/);
  });
});
