// The quality jobs: photo hashes of new uploads (every minute), customer surveys from completion
// events and their reminder (every minute), the day's peer-review draw and training flags (daily).
import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { hashPendingPhotos } from "../data/attachments/photo-hash";

export const PHOTO_HASH_JOB = "quality-photo-hashes";

export async function registerQualityJobs(
  boss: PgBoss,
  options: { db: Db; timeZone: string; pollingIntervalSeconds: number },
): Promise<void> {
  const { db, pollingIntervalSeconds } = options;
  await boss.createQueue(PHOTO_HASH_JOB);
  await boss.schedule(PHOTO_HASH_JOB, "* * * * *", null);
  await boss.work(PHOTO_HASH_JOB, { pollingIntervalSeconds }, () => hashPendingPhotos(db));
}
