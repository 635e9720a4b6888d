// GET /api/health against a real database, and against one that cannot be reached.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileBlobStore, createS3BlobStore } from "~/server/blobs";
import { createDb } from "~/server/db";
import { healthResponse } from "~/server/health/checks";
import { setQueueState } from "~/server/jobs/queue-state";
import { type TestDatabase, startTestDatabase } from "../../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database.stop());

describe("GET /api/health", () => {
  it("answers 200 ok with each part's check when the database answers", async () => {
    mkdirSync("/tmp/rs-health-blobs", { recursive: true });
    const response = await healthResponse(database.db, undefined, createFileBlobStore("/tmp/rs-health-blobs"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      checks: {
        database: { ok: true, ms: expect.any(Number) },
        blobStore: { ok: true, ms: expect.any(Number) },
        jobQueue: { ok: true, configured: false },
      },
    });
  });

  it("answers 503 degraded when the blob store cannot be reached, without its address", async () => {
    const unreachable = createS3BlobStore({
      url: "http://127.0.0.1:1",
      bucket: "rs",
      accessKeyId: "key",
      secretAccessKey: "s3-secret",
    });
    const response = await healthResponse(database.db, 3_000, unreachable);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      status: "degraded",
      checks: { database: { ok: true }, blobStore: { ok: false } },
    });
    expect(text).not.toMatch(/127\.0\.0\.1|s3-secret|ECONNREFUSED/);
  });

  it("answers 503 degraded when the blob store's folder is gone (a volume not mounted)", async () => {
    const response = await healthResponse(
      database.db,
      3_000,
      createFileBlobStore("/tmp/rs-health-no-such-folder/blobs"),
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "degraded", checks: { blobStore: { ok: false } } });
  });

  it("answers 503 down, without the address or the error, when the database cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const unreachable = createDb("postgresql://rs:secret-pw@127.0.0.1:1/rs", 1);
    try {
      const response = await healthResponse(unreachable, 3_000);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ status: "down", checks: { database: { ok: false } } });
      expect(text).not.toMatch(/127\.0\.0\.1|secret-pw|ECONNREFUSED|rs@/);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("reports the job queue of a process that runs one: working while it starts or runs, 503 degraded once it failed", async () => {
    mkdirSync("/tmp/rs-health-blobs", { recursive: true });
    const store = createFileBlobStore("/tmp/rs-health-blobs");
    try {
      for (const state of ["starting", "running"] as const) {
        setQueueState(state);
        const report = (await (await healthResponse(database.db, undefined, store)).json()) as {
          checks: Record<string, unknown>;
        };
        expect(report.checks.jobQueue, state).toEqual({ ok: true, ms: expect.any(Number) });
      }
      setQueueState("failed");
      const failed = await healthResponse(database.db, undefined, store);
      expect(failed.status).toBe(503);
      expect(await failed.json()).toMatchObject({ status: "degraded", checks: { jobQueue: { ok: false } } });
    } finally {
      delete (globalThis as { rsJobQueueState?: string }).rsJobQueueState;
    }
  });
});
