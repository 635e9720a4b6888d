// Moves the photos, voice notes and signatures stored in PostgreSQL (before the blob store) into
// the blob store the settings choose (S3_URL, else RS_DATA_DIR/blobs): `npm run blobs:move`.
// Every file is read back from the store and its sha256 checked before its database copy is
// cleared. Safe to run again, and to stop: it goes on where it stopped. Exits 1 when a row could
// not be moved (each is printed). On the embedded database, stop the server first (one process
// at a time opens $RS_DATA_DIR/pglite); against DATABASE_URL the server may keep running.
import path from "node:path";
import { openAppDatabase } from "./lib/app-database";
import { settingsOrExit } from "./lib/settings-or-exit";
import { blobStoreFor } from "../src/server/blobs";
import { moveBlobsToStore } from "../src/server/blobs/move-blobs";

const settings = settingsOrExit();
const dataDir = path.resolve(settings.RS_DATA_DIR);
const { db, close } = await openAppDatabase(settings);
const store = blobStoreFor(settings);
console.log(
  `Moving files out of the database into ${store.kind === "s3" ? `bucket ${settings.S3_BUCKET}` : path.join(dataDir, "blobs")}.`,
);
let failed = false;
try {
  const summary = await moveBlobsToStore(db, store, (line) => console.log(line));
  const mb = (summary.bytesMoved / 1024 / 1024).toFixed(1);
  console.log(
    `\nMoved ${summary.blobsMoved} file(s) and ${summary.uploadsMoved} unfinished upload(s), ${mb} MB, each checked against its sha256.`,
  );
  if (summary.problems.length > 0) {
    failed = true;
    console.error(`${summary.problems.length} row(s) NOT moved, left in the database:`);
    for (const line of summary.problems) console.error(`  ${line}`);
  }
} finally {
  await close();
}
process.exit(failed ? 1 : 0);
