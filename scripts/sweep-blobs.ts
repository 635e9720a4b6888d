// `npm run blobs:sweep`: counts the bytes in the blob store that no database row names, older than
// a week (src/server/blobs/sweep-orphans.ts); with `--delete` deletes them, as the server's daily
// job does. It refuses when they are a large share of the store (a store shared with another
// database, a wrong DATABASE_URL, a restore under way); `--force` deletes anyway, once a person
// has looked. On the embedded database, stop the server first (one process at a time opens
// $RS_DATA_DIR/pglite); against DATABASE_URL the server may keep running.
import path from "node:path";
import { openAppDatabase } from "./lib/app-database";
import { settingsOrExit } from "./lib/settings-or-exit";
import { blobStoreFor } from "../src/server/blobs";
import { sweepOrphanBlobs } from "../src/server/blobs/sweep-orphans";

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((arg) => !["--delete", "--force"].includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(", ")}. Options: --delete (else only counts), --force.`);
  process.exit(2);
}
const settings = settingsOrExit();
const { db, close } = await openAppDatabase(settings);
const store = blobStoreFor(settings);
const where = store.kind === "s3" ? `bucket ${settings.S3_BUCKET}` : path.resolve(settings.RS_DATA_DIR, "blobs");
let failed = false;
try {
  const report = await sweepOrphanBlobs(db, store, { dryRun: !args.has("--delete"), force: args.has("--force") });
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`Blob store: ${where}.`);
  console.log(
    `${report.orphanBlobs} of ${report.oldBlobs} stored file(s) older than a week are named by no row (${mb(report.orphanBlobBytes)} MB).`,
  );
  console.log(
    `${report.orphanPartials} of ${report.oldPartials} unfinished upload(s) older than a week are counted by no row (${mb(report.orphanPartialBytes)} MB).`,
  );
  if (report.refused) {
    failed = true;
    console.error(report.refused);
  } else if (args.has("--delete")) {
    console.log(`Deleted ${report.deletedBlobs} file(s) and ${report.deletedPartials} unfinished upload(s).`);
  } else if (report.orphanBlobs + report.orphanPartials > 0) {
    console.log("Nothing deleted: run again with --delete to delete them.");
  }
} finally {
  await close();
}
process.exit(failed ? 1 : 0);
