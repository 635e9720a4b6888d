// The embedded database trusts whoever reaches it, so nobody but the app's own user may reach
// it: no network port, a socket in a folder only that user may open.
import { execFile } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "~/server/db/embedded-postgres";

let embedded: EmbeddedPostgres;
const dataDir = mkdtempSync(path.join(tmpdir(), "rs-embedded-"));

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ socketDir: path.join(dataDir, "pglite-socket") });
});
afterAll(() => embedded.stop());

/** Connects from another process, as `uid` when given, with the URL's user and a wrong password. */
async function connectWithWrongPassword(uid?: number): Promise<string> {
  const url = new URL(embedded.url);
  url.username = "postgres";
  url.password = "not-the-password";
  const script = `const pg = require("pg");
    const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.query("SELECT 1")).then(() => { console.log("CONNECTED"); process.exit(0); },
      (e) => { console.log("REFUSED " + (e.code || e.message)); process.exit(0); });`;
  // Asynchronously: the database answers from this very process.
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["-e", script, url.href],
      { timeout: 20_000, ...(uid === undefined ? {} : { uid, gid: uid }) },
      (_error, stdout, stderr) => resolve(stdout.trim() || stderr.trim()),
    ),
  );
}

describe("the embedded database", () => {
  it("serves the app's own connections on its socket", async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await client.end();
  });

  it("listens on no network port: its address is a socket in a folder only its user may open", () => {
    const url = new URL(embedded.url);
    expect(url.port).toBe("");
    const host = url.searchParams.get("host")!;
    expect(host).toBe(path.join(dataDir, "pglite-socket"));
    expect(statSync(host).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(host, ".s.PGSQL.5432")).isSocket()).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)("refuses another system user, whatever credentials they give", async () => {
    expect(await connectWithWrongPassword(65534)).toMatch(/^REFUSED (EACCES|ENOENT)/);
  });
});
