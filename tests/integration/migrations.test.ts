import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationChangedError } from "~/server/db/migrations";
import { type TestDatabase, startTestDatabase } from "../support/test-database";

// The embedded database serves one connection at a time: release Prisma's before the runner connects.
async function applyAlone(database: TestDatabase, dir: string) {
  await database.db.$disconnect();
  return applyMigrations(database.url, dir);
}

describe("migration runner", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => {
    await database.stop();
  });

  it("records what it applied and applies nothing twice", async () => {
    const rows = await database.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM "_rs_migrations" ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toContain("0001_init");
    expect(await applyAlone(database, "prisma/migrations")).toEqual([]);
  });

  it("refuses to run when an applied migration file was changed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rs-migrations-"));
    cpSync("prisma/migrations", dir, { recursive: true });
    writeFileSync(path.join(dir, "0001_init", "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(applyAlone(database, dir)).rejects.toBeInstanceOf(MigrationChangedError);
  });

  it("applies a new migration in order and rolls back a failing one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rs-migrations-"));
    cpSync("prisma/migrations", dir, { recursive: true });
    mkdirSync(path.join(dir, "9998_ok"));
    writeFileSync(path.join(dir, "9998_ok", "migration.sql"), `CREATE TABLE "MigrationProbe" (id int);`);
    mkdirSync(path.join(dir, "9999_broken"));
    writeFileSync(
      path.join(dir, "9999_broken", "migration.sql"),
      `CREATE TABLE "Half" (id int); SELECT no_such_function();`,
    );
    await expect(applyAlone(database, dir)).rejects.toThrow(/9999_broken failed/);
    const tables = await database.db.$queryRawUnsafe<{ t: string | null }[]>(
      `SELECT to_regclass('"MigrationProbe"')::text AS t UNION ALL SELECT to_regclass('"Half"')::text`,
    );
    expect(tables.map((r) => r.t)).toEqual(['"MigrationProbe"', null]);
  });
});
