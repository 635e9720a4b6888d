// The integration suite's embedded databases start as copies of one migrated image
// (tests/support/migrated-image.ts). A stale image would test yesterday's schema, and a shared
// one would leak one file's rows into another: both are checked here.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "~/server/db/embedded-postgres";
import { readMigrations } from "~/server/db/migrations";
import { migratedImage } from "../../support/migrated-image";

const dir = mkdtempSync(path.join(tmpdir(), "rs-image-migrations-"));
cpSync("prisma/migrations", dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(image: Blob, sql: string, then?: string): Promise<T[]> {
  const embedded = await startEmbeddedPostgres({ fromImage: image });
  const client = new pg.Client({ connectionString: embedded.url });
  try {
    await client.connect();
    const { rows } = await client.query<T>(sql);
    if (then) await client.query(then);
    return rows;
  } finally {
    await client.end();
    await embedded.stop();
  }
}

describe("migratedImage", () => {
  it("holds every migration of the folder, and a new migration makes a new image with it", async () => {
    const names = (await readMigrations(dir)).map((m) => m.name);
    const applied = await query<{ name: string }>(
      await migratedImage(dir),
      `SELECT name FROM "_rs_migrations" ORDER BY name`,
    );
    expect(applied.map((r) => r.name)).toEqual(names);

    mkdirSync(path.join(dir, "9999_image_test"));
    writeFileSync(path.join(dir, "9999_image_test", "migration.sql"), `CREATE TABLE "ImageTest" (id int PRIMARY KEY);`);
    const after = await query<{ name: string }>(
      await migratedImage(dir),
      `SELECT name FROM "_rs_migrations" ORDER BY name`,
    );
    expect(after.map((r) => r.name)).toEqual([...names, "9999_image_test"]);
  });

  it("gives each database its own copy: rows written in one are not in the next", async () => {
    const image = await migratedImage(dir);
    const written = `INSERT INTO "_rs_migrations" (name, sha256) VALUES ('written-by-a-test', '-')`;
    const count = `SELECT count(*)::int AS n FROM "_rs_migrations" WHERE name = 'written-by-a-test'`;
    await query(image, "SELECT 1", written);
    expect(await query<{ n: number }>(image, count)).toEqual([{ n: 0 }]);
  });

  it("refuses to start a folder's database from an image", async () => {
    await expect(startEmbeddedPostgres({ dataDir: dir, fromImage: new Blob([]) })).rejects.toThrow(/in-memory/);
  });
});
