// The app's job queue (pg-boss) on a fresh test database's own pool, as the server starts it,
// for the tests of one scheduled job: started by `start()`, stopped with the database after the
// file. Call at the top of a describe block.
import { afterAll, beforeAll, expect } from "vitest";
import { poolOf } from "~/server/db";
import { type JobQueue, startJobQueue } from "~/server/jobs/job-queue";
import { type TestDatabase, startTestDatabase } from "./test-database";

export const JOB_TIME_ZONE = "America/Denver";

export function useJobQueue(): { database: () => TestDatabase; start: () => Promise<JobQueue> } {
  let database: TestDatabase | undefined;
  let queue: JobQueue | undefined;
  beforeAll(async () => {
    database = await startTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await queue?.stop();
    await database?.stop();
  }, 60_000);
  return {
    database: () => database!,
    async start() {
      const { db } = database!;
      queue = await startJobQueue({ db, pool: poolOf(db), timeZone: JOB_TIME_ZONE, pollingIntervalSeconds: 0.5 });
      return queue;
    },
  };
}

/** The queue runs `name` on `cron` in the business's time zone. */
export async function expectScheduled(queue: JobQueue, name: string, cron: string): Promise<void> {
  expect(await queue.boss.getSchedules()).toEqual(
    expect.arrayContaining([expect.objectContaining({ name, cron, timezone: JOB_TIME_ZONE })]),
  );
}

/** `check`'s first answer that is neither null nor false, asked every 250 ms for up to `ms`. */
export async function eventually<T>(check: () => Promise<T | null | false>, ms = 60_000): Promise<T | null | false> {
  const deadline = Date.now() + ms;
  let answer = await check();
  while ((answer === null || answer === false) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await check();
  }
  return answer;
}
