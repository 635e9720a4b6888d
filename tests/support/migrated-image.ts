// A migrated embedded database, kept as a tar image that each integration test file starts from.
// PGlite's start runs initdb in WebAssembly (several seconds per file on a 2-core machine) and then
// every migration; a copy of the image skips both. The image is made once per set of migrations
// (its name is their hash) in node_modules/.cache and shared by the test workers.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "~/server/db/embedded-postgres";
import { applyMigrations, readMigrations } from "~/server/db/migrations";

/** In the project's own cache folder (not the shared /tmp, where another user could leave a file
 *  of the same name); removed with node_modules. */
const IMAGES = path.resolve("node_modules/.cache/rs-test-db-images");
const PGLITE_VERSION = (
  JSON.parse(readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8")) as {
    version: string;
  }
).version;

/** The image of a fresh embedded database with every migration of `dir` applied. */
export async function migratedImage(dir: string): Promise<Blob> {
  const migrations = await readMigrations(dir);
  const key = createHash("sha256")
    .update(`pglite ${PGLITE_VERSION}\n`)
    .update(migrations.map((m) => `${m.name} ${m.sha256}`).join("\n"))
    .digest("hex")
    .slice(0, 24);
  const file = path.join(IMAGES, `${key}.tar`);
  try {
    const bytes = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now); // in use: not dropped as stale below
    return new Blob([bytes]);
  } catch {
    // Not made yet: made below.
  }
  const embedded = await startEmbeddedPostgres();
  try {
    await applyMigrations(embedded.url, dir);
    const image = await embedded.image();
    mkdirSync(IMAGES, { recursive: true });
    // Written aside and renamed: another worker reading at the same moment sees all of it or none.
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, file);
    dropStaleImages();
    return image;
  } finally {
    await embedded.stop();
  }
}

/** Each image is about 40 MB: drop those no run has used for a week (older checkouts, edited
 *  migrations) and pieces left by a worker that died while writing. */
function dropStaleImages(): void {
  const now = Date.now();
  for (const name of readdirSync(IMAGES)) {
    const full = path.join(IMAGES, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) continue; // another worker dropped it first
    const age = now - stat.mtimeMs;
    if ((name.endsWith(".tar") && age > 7 * DAY) || (name.endsWith(".partial") && age > HOUR))
      rmSync(full, { force: true });
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
