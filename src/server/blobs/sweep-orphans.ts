// The orphan sweep: bytes in the blob store that no database row names, deleted once they are
// ORPHAN_BLOB_GRACE_DAYS old. They come from a process killed, or a transaction rolled back,
// between writing bytes and naming them (partial-upload.ts says where), and from uploads whose
// attachment went with its repair. Nobody can read them; they only cost storage.
//
// The database is the only truth of what is named, so the sweep refuses to run when it would
// delete a large share of the store: that is what a store shared with another database, or one
// pointed at the wrong database, looks like (a restore in progress too), not a few crashes. A
// person looks first, then runs `npm run blobs:sweep -- --delete --force`.
import "server-only";
import { ORPHAN_BLOB_GRACE_DAYS } from "~/domain";
import type { Db } from "../db";
import { lockAttachment } from "../data/attachments/partial-upload";
import type { BlobStore, Listed } from "./blob-store";

/** More orphans than this share of the old complete blobs (and more than a few) stops the sweep. */
const MAX_ORPHAN_SHARE = 0.1;
const FEW_ORPHANS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type SweepOptions = {
  now?: Date;
  graceDays?: number;
  /** Only count: delete nothing. */
  dryRun?: boolean;
  /** Delete even when the share of orphans looks like a wrong database (a person checked). */
  force?: boolean;
};

export type SweepReport = {
  /** Complete blobs old enough to judge, and those of them no StoredBlob names. */
  oldBlobs: number;
  orphanBlobs: number;
  orphanBlobBytes: number;
  /** Uploads in progress old enough to judge, and those of them no PartialUpload counts. */
  oldPartials: number;
  orphanPartials: number;
  orphanPartialBytes: number;
  /** What was deleted: 0 in a dry run or when refused. */
  deletedBlobs: number;
  deletedPartials: number;
  /** Why nothing was deleted although orphans were found. */
  refused: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export async function sweepOrphanBlobs(db: Db, store: BlobStore, options: SweepOptions = {}): Promise<SweepReport> {
  const { now = new Date(), graceDays = ORPHAN_BLOB_GRACE_DAYS, dryRun = false, force = false } = options;
  const before = new Date(now.getTime() - graceDays * DAY_MS);
  const old = (page: Listed[]) => page.filter((item) => item.writtenAt < before);

  let oldBlobs = 0;
  const orphanBlobs: Listed[] = [];
  for await (const page of store.listBlobs()) {
    const candidates = old(page);
    oldBlobs += candidates.length;
    if (candidates.length === 0) continue;
    const named = await db.storedBlob.findMany({
      where: { storeKey: { in: candidates.map((item) => item.key) } },
      select: { storeKey: true },
    });
    const namedKeys = new Set(named.map((row) => row.storeKey));
    orphanBlobs.push(...candidates.filter((item) => !namedKeys.has(item.key)));
  }

  let oldPartials = 0;
  const orphanPartials: Listed[] = [];
  for await (const page of store.listPartials()) {
    // Only ids of ours can be counted by a row; anything else under partial/ is not ours to judge.
    const candidates = old(page).filter((item) => UUID.test(item.key));
    oldPartials += candidates.length;
    if (candidates.length === 0) continue;
    const counted = await db.partialUpload.findMany({
      where: { attachmentId: { in: candidates.map((item) => item.key) } },
      select: { attachmentId: true },
    });
    const countedIds = new Set(counted.map((row) => row.attachmentId));
    orphanPartials.push(...candidates.filter((item) => !countedIds.has(item.key)));
  }

  const report: SweepReport = {
    oldBlobs,
    orphanBlobs: orphanBlobs.length,
    orphanBlobBytes: sum(orphanBlobs),
    oldPartials,
    orphanPartials: orphanPartials.length,
    orphanPartialBytes: sum(orphanPartials),
    deletedBlobs: 0,
    deletedPartials: 0,
    refused: null,
  };
  if (dryRun) return report;
  if (!force && orphanBlobs.length > FEW_ORPHANS && orphanBlobs.length > oldBlobs * MAX_ORPHAN_SHARE) {
    report.refused =
      `${orphanBlobs.length} of the ${oldBlobs} stored files older than ${graceDays} days are named by no row of this ` +
      `database: more than a crash or two leaves. Is the store shared with another database, or a restore under way? ` +
      `Nothing was deleted.`;
    return report;
  }

  for (const item of orphanBlobs) {
    await store.delete(item.key);
    report.deletedBlobs++;
  }
  for (const item of orphanPartials) {
    // Under the attachment's lock, as every chunk is written: an upload that began again since
    // the listing has its row now, and keeps its bytes.
    const dropped = await db.$transaction(
      async (tx) => {
        await lockAttachment(tx, item.key);
        if (await tx.partialUpload.findUnique({ where: { attachmentId: item.key }, select: { attachmentId: true } }))
          return false;
        await store.dropPartial(item.key);
        return true;
      },
      { timeout: 60_000 },
    );
    if (dropped) report.deletedPartials++;
  }
  return report;
}

const sum = (items: Listed[]) => items.reduce((total, item) => total + item.sizeBytes, 0);
