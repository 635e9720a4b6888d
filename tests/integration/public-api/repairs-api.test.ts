// The public API end to end on the database: keys (hashed, scoped, revoked), a customer key
// seeing only its customer, signed cursors, page size, problem+json, and the token bucket.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { requestRepair } from "~/server/services/repairs/request-repair";
import { runApiOperation } from "~/server/public-api/operations";
import { createApiKey, revokeApiKey } from "~/server/public-api/api-keys";
import { takeToken } from "~/server/public-api/rate-limit";
import { contextFor, createUnit } from "../../support/fixtures";
import { requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("public API: GET /api/v1/repairs", () => {
  const world = useWorld();
  const get = (token: string | null, query = "") =>
    runApiOperation(
      world.db,
      "listRepairs",
      new Request(`http://app.test/api/v1/repairs${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    );

  it("an admin key lists repairs page by page with a signed cursor; a tampered cursor is a 400 problem", async () => {
    const { db, admin } = world;
    for (let i = 0; i < 3; i++) await requested(db, world, `API-${i}`);
    const key = await createApiKey(db, contextFor(admin), { name: "ERP", scopes: ["repairs:read"] });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    // The secret is all after "rs_<prefix>_": base64url, so it may hold "_" itself (splitting on "_" gave "" 1 time in 64).
    const secret = key.token.slice(`rs_${key.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(row.secretHash).not.toContain(secret);

    const first = await get(key.token, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBeTruthy();
    const page = (await first.json()) as { items: { id: string }[]; nextCursor: string };
    expect(page.items).toHaveLength(2);
    const second = (await (await get(key.token, `?limit=2&cursor=${page.nextCursor}`)).json()) as {
      items: { id: string }[];
    };
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.map((r) => r.id)).not.toContain(page.items[0]!.id);

    const [payload, mac] = page.nextCursor.split(".");
    const forged = `${Buffer.from("00000000-0000-0000-0000-000000000000").toString("base64url")}.${mac}`;
    const tampered = await get(key.token, `?cursor=${forged}`);
    expect(payload).toBeTruthy();
    expect(tampered.status).toBe(400);
    expect(tampered.headers.get("content-type")).toBe("application/problem+json");
    expect(await tampered.json()).toMatchObject({ status: 400, code: "BAD_INPUT", instance: "/api/v1/repairs" });

    expect((await get(key.token, "?limit=10000")).status).toBe(400);
    const unknown = await get(key.token, "?colour=red");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });

  it("refuses a missing, wrong or revoked key (401) and a key without the scope (403)", async () => {
    const { db, admin } = world;
    expect((await get(null)).status).toBe(401);
    const key = await createApiKey(db, contextFor(admin), { name: "units only", scopes: ["units:read"] });
    expect((await get(key.token)).status).toBe(403);
    const wrong = key.token.slice(0, -4) + "AAAA";
    expect((await get(wrong)).status).toBe(401);
    const good = await createApiKey(db, contextFor(admin), { name: "soon revoked", scopes: ["repairs:read"] });
    expect((await get(good.token)).status).toBe(200);
    await revokeApiKey(db, contextFor(admin), good.id);
    expect((await get(good.token)).status).toBe(401);
    const audits = await db.auditLog.findMany({ where: { entityType: "ApiKey", entityId: good.id } });
    expect(audits.map((a) => a.action).sort()).toEqual(["api_key.create", "api_key.revoke"]);
  });

  it("a customer key sees its own customer's repairs only; only the primary contact may make one", async () => {
    const { db, gus, globex } = world;
    await expect(createApiKey(db, contextFor(gus), { name: "x", scopes: ["repairs:read"] })).rejects.toThrow();
    await db.customerUser.update({ where: { userId: gus.userId }, data: { isPrimaryContact: true } });
    const key = await createApiKey(db, contextFor(gus), { name: "Globex", scopes: ["repairs:read"] });
    const unit = await createUnit(db, globex.id, "GLX-1");
    await requestRepair(db, contextFor(gus), { id: randomUUID(), unitId: unit.id, damageType: "CHIP" });
    const all = (await (await get(key.token)).json()) as { items: { customerId: string }[] };
    expect(all.items.length).toBe(1);
    expect(all.items.every((r) => r.customerId === globex.id)).toBe(true);
    const acmeOnly = (await (await get(key.token, `?customer=${world.acme.id}`)).json()) as { items: unknown[] };
    expect(acmeOnly.items).toHaveLength(0);
  });

  it("the token bucket refuses past the burst and says when to retry", async () => {
    const { db } = world;
    const limit = { perMinute: 60, burst: 3 };
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await takeToken(db, "test-bucket", limit));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false, false]);
    expect(answers[4]!.resetSeconds).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await takeToken(db, "test-bucket", limit)).allowed).toBe(true);
  });
});
