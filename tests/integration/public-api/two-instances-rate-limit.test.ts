// The rate limit is one bucket per key however many instances serve the API: two production
// instances (scripts/serve.ts, the built app) on one PostgreSQL database, a burst of requests
// with one key sent alternately to both, and exactly the bucket's size is let through in total.
// Also an Idempotency-Key retried on the other instance gets the first answer, and ten concurrent
// retries on both instances create one record.
//
// Needs TEST_DATABASE_URL (CI's PostgreSQL pass): the embedded PGlite is one process's database.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, createDb } from "~/server/db";
import { createApiKey } from "~/server/public-api/api-keys";
import { ensureBuilt } from "../../../scripts/lib/setup.mjs";
import { type AppInstance, startInstance } from "../../support/app-instances";
import { actorFor } from "../../support/fixtures";

const serverUrl = process.env.TEST_DATABASE_URL;
// Ports of its own: the notification-kill fault test, run beside it, has 3351–3352.
const PORTS = [3361, 3362] as const;
const BURST = 20;

describe.skipIf(!serverUrl)("public API on two instances (skipped without TEST_DATABASE_URL)", () => {
  const name = `rs_api_${randomUUID().replaceAll("-", "")}`;
  let instances: AppInstance[] = [];
  let db: Db;

  beforeAll(async () => {
    ensureBuilt();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    // A slow refill (1 a minute): whatever passes beyond the burst would be a second bucket.
    const env = { SEED_DEMO: "true", API_RATE_BURST: String(BURST), API_RATE_PER_MINUTE: "1" };
    instances = await Promise.all(PORTS.map((port, i) => startInstance(`api-${"AB"[i]}`, port, url.toString(), env)));
    db = createDb(url.toString(), 2);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await db?.$disconnect();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("lets exactly the burst through across both instances, then 429 on either", async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: "admin@demo.test" } });
    const ctx = { actor: await actorFor(db, user.id), origin: { ip: null, userAgent: "test" } };
    const key = await createApiKey(db, ctx, { name: "two instances", scopes: ["repairs:read", "units:write"] });
    const headers = { authorization: `Bearer ${key.token}` };
    const answers = await Promise.all(
      Array.from({ length: 3 * BURST }, (_, i) =>
        fetch(`${instances[i % 2]!.baseUrl}/api/v1/repairs?limit=1`, { headers }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(BURST);
    expect(answers.filter((s) => s === 429)).toHaveLength(2 * BURST);
    for (const instance of instances) {
      const again = await fetch(`${instance.baseUrl}/api/v1/repairs`, { headers });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
  });

  it("replays an Idempotency-Key's first answer on the other instance", async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: "admin@demo.test" } });
    const ctx = { actor: await actorFor(db, user.id), origin: { ip: null, userAgent: "test" } };
    const key = await createApiKey(db, ctx, { name: "idempotent", scopes: ["units:write"] });
    const customer = await db.customer.findFirstOrThrow();
    const post = (base: string, idempotencyKey = "two-instances-1", unitNumber = "TWO-INST-1") =>
      fetch(`${base}/api/v1/units`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${key.token}`,
          "content-type": "application/json",
          "idempotency-key": idempotencyKey,
        },
        body: JSON.stringify({ customerId: customer.id, unitNumber }),
      });
    const first = await post(instances[0]!.baseUrl);
    expect(first.status).toBe(201);
    const retry = await post(instances[1]!.baseUrl);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retry.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(await db.unit.count({ where: { unitNumber: "TWO-INST-1" } })).toBe(1);

    // Ten retries at once, alternately on both instances: one runs, the others replay it or are
    // told it is still running (409); never a second unit, never another error.
    const racing = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(instances[i % 2]!.baseUrl, "two-instances-race", "TWO-INST-RACE")),
    );
    const statuses = racing.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(statuses).toContain(201);
    const ids = new Set(
      await Promise.all(
        racing.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as { id: string }).id),
      ),
    );
    expect(ids.size).toBe(1);
    expect(await db.unit.count({ where: { unitNumber: "TWO-INST-RACE" } })).toBe(1);
  });
});
