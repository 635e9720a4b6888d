// One fresh database per test file, holding the world of fixtures.ts, and a fresh file blob store
// (the embedded default). Call at the top of a describe block; the returned object is filled in
// before the first test runs.
import { afterAll, beforeAll } from "vitest";
import type { Db } from "~/server/db";
import { type TestFileStore, installTempFileStore } from "./blobs";
import { type World, createWorld } from "./fixtures";
import { type TestDatabase, startTestDatabase } from "./test-database";

export type WorldOnDatabase = World & { db: Db; databaseKind: TestDatabase["kind"] };

export function useWorld(): WorldOnDatabase {
  const world = {} as WorldOnDatabase;
  let database: TestDatabase | undefined;
  let blobs: TestFileStore | undefined;
  beforeAll(async () => {
    blobs = installTempFileStore();
    database = await startTestDatabase();
    Object.assign(world, await createWorld(database.db), { db: database.db, databaseKind: database.kind });
  });
  afterAll(async () => {
    await database?.stop();
    blobs?.remove();
  });
  return world;
}
