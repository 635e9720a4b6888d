// The daily points check runs on the job queue (pg-boss on the test database's own pool): it is
// scheduled daily, and a run stores its result for the admin's banner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "~/server/db";
import { type JobQueue, startJobQueue } from "~/server/jobs/job-queue";
import { POINTS_CHECK_CRON, POINTS_CHECK_JOB } from "~/server/jobs/points-check-job";
import { type TestDatabase, startTestDatabase } from "../../support/test-database";

describe("the points check job", () => {
  let database: TestDatabase;
  let queue: JobQueue | undefined;

  beforeAll(async () => {
    database = await startTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await queue?.stop();
    await database?.stop();
  }, 60_000);

  it("is scheduled daily and records when it ran", async () => {
    const { db } = database;
    queue = await startJobQueue({ db, pool: poolOf(db), timeZone: "America/Denver", pollingIntervalSeconds: 0.5 });
    expect(await queue.boss.getSchedules()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: POINTS_CHECK_JOB, cron: POINTS_CHECK_CRON, timezone: "America/Denver" }),
      ]),
    );
    await queue.boss.send(POINTS_CHECK_JOB, null);
    const deadline = Date.now() + 60_000;
    let checkedAt: Date | null = null;
    while (!checkedAt && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      checkedAt = (await db.businessSettings.findUnique({ where: { id: 1 } }))?.rewardsCheckedAt ?? null;
    }
    expect(checkedAt).toEqual(expect.any(Date));
  }, 120_000);
});
