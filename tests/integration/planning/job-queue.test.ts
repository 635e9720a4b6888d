// The job queue really runs the walk generation: pg-boss started on the test database's own
// pool (on the embedded PGlite, its one connection), a job sent, the walks appear.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "~/server/db";
import { GENERATE_WALKS_CRON, GENERATE_WALKS_JOB, type JobQueue, startJobQueue } from "~/server/jobs/job-queue";
import { createCustomer } from "../../support/fixtures";
import { type TestDatabase, startTestDatabase } from "../../support/test-database";

describe("the walk generation job", () => {
  let database: TestDatabase;
  let queue: JobQueue | undefined;

  beforeAll(async () => {
    database = await startTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await queue?.stop();
    await database?.stop();
  }, 60_000);

  it("runs on the queue, sharing the app's pool, and is scheduled daily", async () => {
    const { db } = database;
    const customer = await createCustomer(db, "Queued Freight", {
      settings: {
        lotWalkingEnabled: true,
        lotWalkingSchedule: { monday: true, friday: true },
        serviceMode: "SCHEDULED",
      },
    });
    queue = await startJobQueue({ db, pool: poolOf(db), timeZone: "America/Denver", pollingIntervalSeconds: 0.5 });
    const jobId = await queue.generateSoon();
    expect(jobId).toEqual(expect.any(String));

    const deadline = Date.now() + 60_000;
    let count = 0;
    while (Date.now() < deadline) {
      count = await db.lotWalk.count({ where: { customerId: customer.id, origin: "SCHEDULE" } });
      if (count > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(count).toBe(8);
    const job = await queue.boss.getJobById(GENERATE_WALKS_JOB, jobId!);
    const settled = Date.now() + 10_000;
    let state = job?.state;
    while (state !== "completed" && Date.now() < settled) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = (await queue.boss.getJobById(GENERATE_WALKS_JOB, jobId!))?.state;
    }
    expect(state).toBe("completed");
    const schedules = await queue.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: GENERATE_WALKS_JOB, cron: GENERATE_WALKS_CRON, timezone: "America/Denver" }),
      ]),
    );
  }, 120_000);
});
