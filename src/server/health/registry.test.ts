import { describe, expect, it } from "vitest";
import { NOT_CONFIGURED, runHealthChecks } from "./registry";

const ok = async () => {};
const failing = async () => {
  throw new Error("connect ECONNREFUSED 10.1.2.3:5432 (db.internal.example)");
};
const hanging = () => new Promise<void>(() => {});

describe("health checks", () => {
  it("are ok when every registered part works; a part not built yet counts as ok, not configured", async () => {
    const report = await runHealthChecks({ database: ok, jobQueue: NOT_CONFIGURED }, ["database"]);
    expect(report.status).toBe("ok");
    expect(report.checks.database).toEqual({ ok: true, ms: expect.any(Number) });
    expect(report.checks.jobQueue).toEqual({ ok: true, configured: false });
  });

  it("are down when an essential part fails, degraded when another one does", async () => {
    expect((await runHealthChecks({ database: failing, blobStore: ok }, ["database"])).status).toBe("down");
    const degraded = await runHealthChecks({ database: ok, blobStore: failing }, ["database"]);
    expect(degraded.status).toBe("degraded");
    expect(degraded.checks.blobStore).toEqual({ ok: false, ms: expect.any(Number) });
  });

  it("never repeat a failure's message (addresses, host names)", async () => {
    const report = await runHealthChecks({ database: failing }, ["database"]);
    expect(JSON.stringify(report)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|example/);
  });

  it("give up on a part that does not answer in time", async () => {
    const started = Date.now();
    const report = await runHealthChecks({ database: hanging, blobStore: ok }, ["database"], 50);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.status).toBe("down");
    expect(report.checks.database).toMatchObject({ ok: false, timedOut: true });
    expect(report.checks.blobStore!.ok).toBe(true);
  });
});
