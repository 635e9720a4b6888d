// `npm run blobs:move`: the bytes stored in PostgreSQL before the blob store (StoredBlob.content,
// PartialUpload.content) move into the store. Each is written, read back and hashed, and only
// then is the database row pointed at the store and its bytea cleared, in one update: a crash at
// any point leaves the row readable as before, and running again goes on where it stopped
// (an object written but not yet named by its row is unreachable, and written again). A row
// whose bytes do not match its own sha256 or size is reported and left as it is.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { lockAttachment } from "../data/attachments/partial-upload";
import { type BlobStore, digestOf } from "./blob-store";

export type MoveSummary = {
  blobsMoved: number;
  uploadsMoved: number;
  bytesMoved: number;
  /** Not moved: what is wrong with each, one sentence per row. */
  problems: string[];
};

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function moveBlobsToStore(
  db: Db,
  store: BlobStore,
  log: (line: string) => void = () => {},
): Promise<MoveSummary> {
  const summary: MoveSummary = { blobsMoved: 0, uploadsMoved: 0, bytesMoved: 0, problems: [] };
  const problem = (line: string) => {
    summary.problems.push(line);
    log(`  NOT MOVED: ${line}`);
  };

  // One row at a time: a whole table of photos never sits in memory.
  const blobs = await db.storedBlob.findMany({
    where: { content: { not: null }, storeKey: null },
    select: { sha256: true },
    orderBy: { sha256: "asc" },
  });
  log(`${blobs.length} stored file(s) to move out of the database.`);
  for (const [index, { sha256 }] of blobs.entries()) {
    const row = await db.storedBlob.findUnique({
      where: { sha256 },
      select: { content: true, sizeBytes: true, storeKey: true },
    });
    if (!row?.content || row.storeKey) continue; // moved meanwhile (another run, or a server)
    const content = row.content;
    const actual = { sha256: sha256Of(content), sizeBytes: content.length };
    if (actual.sha256 !== sha256 || actual.sizeBytes !== row.sizeBytes) {
      problem(
        `stored file ${sha256.slice(0, 12)}… is ${actual.sizeBytes} bytes hashing to ${actual.sha256.slice(0, 12)}…, not the ${row.sizeBytes} bytes of its sha256: left in the database.`,
      );
      continue;
    }
    const key = await store.put(content, { sha256, sizeBytes: row.sizeBytes });
    const readBack = await digestOf(await store.open(key));
    if (readBack.sha256 !== sha256 || readBack.sizeBytes !== row.sizeBytes) {
      await store.delete(key);
      problem(`stored file ${sha256.slice(0, 12)}… read back from the store differs: left in the database.`);
      continue;
    }
    const { count } = await db.storedBlob.updateMany({
      where: { sha256, storeKey: null },
      data: { storeKey: key, content: null },
    });
    if (count === 0) {
      await store.delete(key);
      continue;
    }
    summary.blobsMoved++;
    summary.bytesMoved += row.sizeBytes;
    log(`  [${index + 1}/${blobs.length}] ${sha256.slice(0, 12)}… ${row.sizeBytes} bytes moved and verified`);
  }

  const uploads = await db.partialUpload.findMany({ where: { inStore: false }, select: { attachmentId: true } });
  log(`${uploads.length} unfinished upload(s) to move out of the database.`);
  for (const [index, { attachmentId }] of uploads.entries()) {
    // The attachment's lock: a chunk arriving meanwhile waits for this move, then appends.
    const outcome = await db.$transaction(
      async (tx) => {
        await lockAttachment(tx, attachmentId);
        const row = await tx.partialUpload.findUnique({
          where: { attachmentId },
          select: { inStore: true, content: true, receivedBytes: true },
        });
        if (!row || row.inStore) return null;
        const bytes = row.content.subarray(0, row.receivedBytes);
        if (bytes.length !== row.receivedBytes) {
          return `unfinished upload of attachment ${attachmentId} holds ${row.content.length} bytes, not the ${row.receivedBytes} it counts: left in the database.`;
        }
        await store.writePartial(attachmentId, 0, bytes);
        const readBack = await digestOf(await store.openPartial(attachmentId, bytes.length));
        if (readBack.sha256 !== sha256Of(bytes)) {
          await store.dropPartial(attachmentId);
          return `unfinished upload of attachment ${attachmentId} read back from the store differs: left in the database.`;
        }
        await tx.partialUpload.update({ where: { attachmentId }, data: { content: new Uint8Array(), inStore: true } });
        return bytes.length;
      },
      { timeout: 60_000 },
    );
    if (typeof outcome === "string") problem(outcome);
    else if (outcome !== null) {
      summary.uploadsMoved++;
      summary.bytesMoved += outcome;
      log(`  [${index + 1}/${uploads.length}] upload ${attachmentId}: ${outcome} bytes moved and verified`);
    }
  }
  return summary;
}
