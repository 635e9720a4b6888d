// `npm run backup [-- --out <file>]`: the database and the blob store the settings name
// (DATABASE_URL or the embedded RS_DATA_DIR/pglite; S3_URL or RS_DATA_DIR/blobs) in one
// .tar.gz with a manifest (src/server/backup/create-backup.ts). Default file:
// backups/rs-backup-<UTC date and time>.tar.gz. On the embedded database, stop the app first.
import path from "node:path";
import { settingsOrExit } from "./lib/settings-or-exit";
import { blobStoreFor } from "../src/server/blobs";
import { createBackup } from "../src/server/backup/create-backup";
import { BackupRefused, databaseTargetFor } from "../src/server/backup/database";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const wellFormed = outAt < 0 ? args.length === 0 : args.length === 2 && outAt === 0 && !args[1]!.startsWith("--");
if (!wellFormed) {
  console.error("Usage: npm run backup [-- --out <file.tar.gz>]");
  process.exit(2);
}
const settings = settingsOrExit();
const now = new Date();
const out = path.resolve(
  outAt >= 0
    ? args[outAt + 1]!
    : path.join("backups", `rs-backup-${now.toISOString().replaceAll(/[-:]/g, "").replace(/\..*/, "")}.tar.gz`),
);
const target = databaseTargetFor(settings);
const store = blobStoreFor(settings);
const started = performance.now();
try {
  const manifest = await createBackup({
    target,
    store,
    out,
    now,
    pathVariable: process.env.PATH,
    log: (line) => console.log(line),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\nBackup written to ${out} in ${seconds} s: the ${target.kind} database at migration ${manifest.migration ?? "(none)"}, ` +
      `${manifest.counts.blobs} file(s) and ${manifest.counts.partialUploads} upload(s) in progress from the ${store.kind} store.` +
      `\nCheck it with \`npm run restore\` into an empty RS_DATA_DIR or database (README: Backup and restore).`,
  );
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(`\nNo backup was written. ${error.message}`);
  process.exit(1);
}
