// The app's database for a command-line script: the server at DATABASE_URL, else the embedded one
// in $RS_DATA_DIR/pglite (stop the server first: one process at a time opens it), migrated, on
// one connection. `close()` disconnects and stops the embedded database.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ServerConfig } from "../../src/server/config";
import { type Db, createDb } from "../../src/server/db";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { applyMigrations } from "../../src/server/db/migrations";

export async function openAppDatabase(settings: ServerConfig): Promise<{ db: Db; close(): Promise<void> }> {
  let embedded: EmbeddedPostgres | null = null;
  if (!settings.DATABASE_URL) {
    const dataDir = path.resolve(settings.RS_DATA_DIR);
    mkdirSync(dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pglite"),
      socketDir: path.join(dataDir, "pglite-socket"),
    });
  }
  const url = settings.DATABASE_URL ?? embedded!.url;
  await applyMigrations(url, "prisma/migrations");
  const db = createDb(url, 1);
  return {
    db,
    async close() {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
