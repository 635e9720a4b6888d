// The quality jobs: photo hashes of new uploads and customer surveys from completion events (with
// their one reminder), every minute; the peer-review draw and the training flags, daily.
import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "../db";
import { hashPendingPhotos } from "../data/attachments/photo-hash";
import { drawPeerReviews } from "../services/quality/peer-reviews";
import { createSurveys, remindSurveys } from "../services/quality/surveys";
import { checkTrainingFlags } from "../services/quality/training-flags";

export const PHOTO_HASH_JOB = "quality-photo-hashes";
export const SURVEY_JOB = "quality-surveys";
export const QUALITY_DAILY_JOB = "quality-daily";

export async function registerQualityJobs(
  boss: PgBoss,
  options: { db: Db; timeZone: string; pollingIntervalSeconds: number },
): Promise<void> {
  const { db, timeZone, pollingIntervalSeconds } = options;
  const every: Array<readonly [string, string, () => Promise<unknown>]> = [
    [PHOTO_HASH_JOB, "* * * * *", () => hashPendingPhotos(db)],
    [SURVEY_JOB, "* * * * *", async () => ({ ...(await createSurveys(db)), ...(await remindSurveys(db)) })],
    [
      QUALITY_DAILY_JOB,
      "15 2 * * *",
      async () => ({ ...(await drawPeerReviews(db)), ...(await checkTrainingFlags(db)) }),
    ],
  ];
  for (const [name, cron, run] of every) {
    await boss.createQueue(name);
    await boss.schedule(name, cron, null, { tz: timeZone });
    await boss.work(name, { pollingIntervalSeconds }, run);
  }
}
