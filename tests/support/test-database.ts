// A fresh, migrated database for one integration test file. On the embedded default it is an
// in-memory PGlite started from an image of the migrated database (migrated-image.ts); with
// TEST_DATABASE_URL (CI starts a real PostgreSQL server) it is a new database created on that
// server and dropped afterwards.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { type Db, createDb } from "~/server/db";
import { startEmbeddedPostgres } from "~/server/db/embedded-postgres";
import { applyMigrations } from "~/server/db/migrations";
import { migratedImage } from "./migrated-image";

export type TestDatabase = { db: Db; url: string; kind: "embedded" | "postgresql"; stop: () => Promise<void> };

/** `migrations`: the folder to migrate from (a test of one migration starts from the ones before it). */
export async function startTestDatabase({ migrations = "prisma/migrations" } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // A copy of the migrated image (migrated-image.ts); applying the migrations again checks that
    // the image is what the folder holds and costs one query when it is.
    const embedded = await startEmbeddedPostgres({ fromImage: await migratedImage(migrations) });
    await applyMigrations(embedded.url, migrations);
    const db = createDb(embedded.url, 1);
    return {
      db,
      url: embedded.url,
      kind: "embedded",
      async stop() {
        await db.$disconnect();
        await embedded.stop();
      },
    };
  }
  const name = `rs_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString(), migrations);
  const db = createDb(url.toString(), 10);
  return {
    db,
    url: url.toString(),
    kind: "postgresql",
    async stop() {
      await db.$disconnect();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
