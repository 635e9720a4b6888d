// `npm run restore -- <file> [--force]`: puts a backup (`npm run backup`) back into the database
// and blob store the settings name, then checks every stored file against its sha256
// (src/server/backup/restore-backup.ts). Refuses a target that holds data unless --force. Exit 1
// when anything is refused or a file does not match.
import { settingsOrExit } from "./lib/settings-or-exit";
import { blobStoreFor } from "../src/server/blobs";
import { ArchiveDamaged } from "../src/server/backup/archive";
import { BackupRefused, databaseTargetFor } from "../src/server/backup/database";
import { restoreBackup } from "../src/server/backup/restore-backup";

const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((a) => a !== "--force");
if (files.length !== 1 || files[0]!.startsWith("--")) {
  console.error("Usage: npm run restore -- <backup.tar.gz> [--force]");
  process.exit(2);
}
const settings = settingsOrExit();
const target = databaseTargetFor(settings);
const store = blobStoreFor(settings);
try {
  const summary = await restoreBackup({
    file: files[0]!,
    target,
    store,
    force,
    pathVariable: process.env.PATH,
    log: (line) => console.log(line),
  });
  const { manifest } = summary;
  console.log(
    `\nRestored the backup of ${manifest.createdAt} (migration ${manifest.migration ?? "(none)"}) into the ${target.kind} database` +
      `${summary.migrationsApplied.length ? `, then applied ${summary.migrationsApplied.length} newer migration(s)` : ""}: ` +
      `${summary.rows} rows; ${summary.blobsRestored} file(s) and ${summary.partialUploadsRestored} upload(s) in progress into the ${store.kind} store.`,
  );
  if (summary.mismatches.length) {
    console.error(`\nThe restored data does NOT match the backup (${summary.blobsChecked} stored file(s) checked):`);
    for (const line of summary.mismatches) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`All ${summary.blobsChecked} stored file(s) match their sha256.`);
} catch (error) {
  if (!(error instanceof BackupRefused) && !(error instanceof ArchiveDamaged)) throw error;
  console.error(`\nRestore stopped. ${error.message}`);
  process.exit(1);
}
