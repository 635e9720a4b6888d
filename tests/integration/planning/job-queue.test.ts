// The job queue really runs the walk generation: pg-boss started on the test database's own
// pool (on the embedded PGlite, its one connection), a job sent, the walks appear.
import { describe, expect, it } from "vitest";
import { GENERATE_WALKS_CRON, GENERATE_WALKS_JOB } from "~/server/jobs/job-queue";
import { createCustomer } from "../../support/fixtures";
import { eventually, expectScheduled, useJobQueue } from "../../support/job-queue";

describe("the walk generation job", () => {
  const jobs = useJobQueue();

  it("runs on the queue, sharing the app's pool, and is scheduled daily", async () => {
    const { db } = jobs.database();
    const customer = await createCustomer(db, "Queued Freight", {
      settings: {
        lotWalkingEnabled: true,
        lotWalkingSchedule: { monday: true, friday: true },
        serviceMode: "SCHEDULED",
      },
    });
    const queue = await jobs.start();
    const jobId = await queue.generateSoon();
    expect(jobId).toEqual(expect.any(String));

    const walks = () => db.lotWalk.count({ where: { customerId: customer.id, origin: "SCHEDULE" } });
    await eventually(async () => (await walks()) > 0);
    expect(await walks()).toBe(8);
    const state = await eventually(
      async () => (await queue.boss.getJobById(GENERATE_WALKS_JOB, jobId!))?.state === "completed",
      10_000,
    );
    expect(state).toBe(true);
    await expectScheduled(queue, GENERATE_WALKS_JOB, GENERATE_WALKS_CRON);
  }, 120_000);
});
