// The blob store's orphan sweep runs on the job queue (pg-boss on the test database's own pool):
// it is scheduled nightly, and a run deletes a week-old file no row names (its time set back on
// the file store) while a young one stays.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileBlobStore, setBlobStore } from "~/server/blobs";
import { BLOB_SWEEP_CRON, BLOB_SWEEP_JOB } from "~/server/jobs/blob-sweep-job";
import { eventually, expectScheduled, useJobQueue } from "../../support/job-queue";

describe("the blob sweep job", () => {
  const jobs = useJobQueue();
  const root = mkdtempSync(path.join(tmpdir(), "rs-blobs-sweep-job-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is scheduled nightly and deletes week-old bytes no row names", async () => {
    const store = createFileBlobStore(root);
    setBlobStore(store);
    const stray = async () => {
      const bytes = randomBytes(2_000);
      const key = await store.put(bytes, {
        sha256: createHash("sha256").update(bytes).digest("hex"),
        sizeBytes: 2_000,
      });
      return path.join(root, key.slice(0, 2), key);
    };
    const old = await stray();
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    const young = await stray();

    const queue = await jobs.start();
    await expectScheduled(queue, BLOB_SWEEP_JOB, BLOB_SWEEP_CRON);
    await queue.boss.send(BLOB_SWEEP_JOB, null);
    expect(await eventually(async () => !existsSync(old))).toBe(true);
    expect(existsSync(young)).toBe(true);
  }, 120_000);
});
