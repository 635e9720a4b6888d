// The daily points check runs on the job queue (pg-boss on the test database's own pool): it is
// scheduled daily, and a run stores its result for the admin's banner.
import { describe, expect, it } from "vitest";
import { POINTS_CHECK_CRON, POINTS_CHECK_JOB } from "~/server/jobs/points-check-job";
import { eventually, expectScheduled, useJobQueue } from "../../support/job-queue";

describe("the points check job", () => {
  const jobs = useJobQueue();

  it("is scheduled daily and records when it ran", async () => {
    const { db } = jobs.database();
    const queue = await jobs.start();
    await expectScheduled(queue, POINTS_CHECK_JOB, POINTS_CHECK_CRON);
    await queue.boss.send(POINTS_CHECK_JOB, null);
    const checkedAt = await eventually(
      async () => (await db.businessSettings.findUnique({ where: { id: 1 } }))?.rewardsCheckedAt ?? null,
    );
    expect(checkedAt).toEqual(expect.any(Date));
  }, 120_000);
});
