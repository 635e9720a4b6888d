// Bad configuration stops start-up with one sentence naming the variable (scripts/serve.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "~/server/config";

function serve(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/serve.ts"],
    {
      env: {
        PATH: process.env.PATH!,
        RS_DATA_DIR: mkdtempSync(path.join(tmpdir(), "rs-start-")),
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: result.status, stderr: result.stderr };
}

describe("start-up configuration", () => {
  it("refuses an unreachable DATABASE_URL in one sentence naming it", () => {
    const { status, stderr } = serve({
      DATABASE_URL: "postgresql://rs@127.0.0.1:9/rs",
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(
      /^RS Systems cannot start\. DATABASE_URL: cannot reach the PostgreSQL server at 127\.0\.0\.1:9 \(.+\)\.$/,
    );
  });

  it("refuses a DATABASE_URL that is not a URL", () => {
    const { status, stderr } = serve({ DATABASE_URL: "localhost:5432", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(
      "RS Systems cannot start. DATABASE_URL: must be a URL such as postgresql://user:password@host:5432/database.",
    );
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("refuses a production database without an auth secret", () => {
    const { status, stderr } = serve({ DATABASE_URL: process.env.TEST_DATABASE_URL! });
    expect(status).toBe(1);
    expect(stderr).toContain("NEXTAUTH_SECRET: set a random secret of at least 16 characters");
  });

  it("refuses a bad PORT and a bad time zone", () => {
    expect(serve({ PORT: "http" }).stderr).toContain('PORT: "http" is not a port number');
    expect(serve({ BUSINESS_TIME_ZONE: "Mars/Olympus" }).stderr).toContain("BUSINESS_TIME_ZONE");
  });

  it("has safe development defaults", () => {
    const config = readConfig({ NODE_ENV: "development" } as NodeJS.ProcessEnv);
    expect(config.BUSINESS_TIME_ZONE).toBe("America/Denver");
    expect(config.DATABASE_URL).toBeUndefined();
    expect(readConfig({ DATABASE_URL: "" } as unknown as NodeJS.ProcessEnv).DATABASE_URL).toBeUndefined();
  });
});
