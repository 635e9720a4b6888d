// Writes through the public API on the database: Idempotency-Key (a retry gets the first answer,
// another body is 422, concurrent retries run once), OAuth client credentials (both client
// authentication methods, RFC 6749 errors, revocation, expiry), a customer key kept to its own
// customer (404), and bad input (over 1 MB, streamed or announced; malformed JSON; unknown
// fields; a burst of 1,000), each refused with its problem and nothing written.
import { describe, expect, it } from "vitest";
import { API_BODY_BYTES } from "~/server/public-api/handle";
import { createApiKey } from "~/server/public-api/api-keys";
import { createOAuthClient, revokeOAuthClient } from "~/server/public-api/oauth";
import { oauthTokenResponse } from "~/server/public-api/oauth-token-response";
import { type ApiOperationId, runApiOperation } from "~/server/public-api/operations";
import { streamed, streamedBody } from "../../support/endless-body";
import { contextFor, createUnit } from "../../support/fixtures";
import { requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("public API writes", () => {
  const world = useWorld();
  const call = (
    name: ApiOperationId,
    token: string | null,
    init: { path: string; method?: string; body?: unknown; headers?: Record<string, string> },
    params: Record<string, string> = {},
  ) =>
    runApiOperation(
      world.db,
      name,
      new Request(`http://app.test${init.path}`, {
        method: init.method ?? "GET",
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
          ...init.headers,
        },
        body:
          init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
      }),
      params,
    );

  it("Idempotency-Key: a retry gets the first answer, another body is 422, parallel retries create one repair", async () => {
    const { db, admin, acme } = world;
    const key = await createApiKey(db, contextFor(admin), { name: "ERP", scopes: ["repairs:write"] });
    const unit = await createUnit(db, acme.id, "IDEM-1");
    const post = (idem: string, body: unknown) =>
      call("createRepair", key.token, {
        path: "/api/v1/repairs",
        method: "POST",
        body,
        headers: { "idempotency-key": idem },
      });
    const body = { unitId: unit.id, damageType: "CHIP" };

    const first = await post("k-1", body);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; upfrontPriceCents: number };
    expect(created.upfrontPriceCents).toBeGreaterThan(0);
    const retry = await post("k-1", body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(((await retry.json()) as { id: string }).id).toBe(created.id);
    const other = await post("k-1", { ...body, damageType: "CRACK" });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.repair.count({ where: { unitId: unit.id } })).toBe(1);

    const parallel = await Promise.all(Array.from({ length: 6 }, () => post("k-2", body)));
    const statuses = parallel.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(
      await Promise.all(
        parallel.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as { id: string }).id),
      ),
    );
    expect(ids.size).toBe(1);
    expect(await db.repair.count({ where: { unitId: unit.id } })).toBe(2);

    // A refused first request keeps no key: the corrected retry with the same key runs.
    const refused = await post("k-3", { ...body, unitId: "00000000-0000-4000-8000-000000000000" });
    expect(refused.status).toBe(404);
    expect(await db.apiIdempotency.count({ where: { key: "k-3" } })).toBe(0);
    expect((await post("k-3", body)).status).toBe(201);
  });

  it("OAuth client credentials: basic and post, RFC 6749 errors, scopes narrowed, revoked and expired tokens 401", async () => {
    const { db, admin } = world;
    const client = await createOAuthClient(db, contextFor(admin), {
      name: "ERP",
      scopes: ["repairs:read", "units:read"],
    });
    const token = (fields: Record<string, string>, authorization?: string) =>
      oauthTokenResponse(
        db,
        new Request("http://app.test/api/v1/oauth/token", {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            ...(authorization ? { authorization } : {}),
          },
          body: new URLSearchParams(fields).toString(),
        }),
      );
    const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`;

    const viaBasic = await token({ grant_type: "client_credentials", scope: "repairs:read" }, basic);
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.headers.get("cache-control")).toBe("no-store");
    const issued = (await viaBasic.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
      scope: string;
    };
    expect(issued).toMatchObject({ token_type: "Bearer", scope: "repairs:read" });
    expect(issued.expires_in).toBeLessThanOrEqual(3600);
    const viaPost = await token({
      grant_type: "client_credentials",
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(viaPost.status).toBe(200);
    const all = (await viaPost.json()) as { access_token: string; scope: string };
    expect(all.scope).toBe("repairs:read units:read");

    const list = (t: string) => call("listRepairs", t, { path: "/api/v1/repairs" });
    expect((await list(issued.access_token)).status).toBe(200);
    // Narrowed to repairs:read: units are refused.
    const units = await call("listUnits", issued.access_token, { path: `/api/v1/units?customer=${world.acme.id}` });
    expect(units.status).toBe(403);

    const errors = [
      [await token({ grant_type: "password" }, basic), 400, "unsupported_grant_type"],
      [await token({ grant_type: "client_credentials", scope: "invoices:read" }, basic), 400, "invalid_scope"],
      [
        await token({ grant_type: "client_credentials", client_id: client.clientId, client_secret: "nope" }),
        401,
        "invalid_client",
      ],
      [await token({ grant_type: "client_credentials" }), 401, "invalid_client"],
      [await token({ grant_type: "client_credentials", client_secret: "x" }, basic), 400, "invalid_request"],
    ] as const;
    for (const [response, status, error] of errors) {
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error });
    }
    expect((await token({}, basic)).status).toBe(400);
    const malformed = `Basic ${Buffer.from("rsc_x:%E0%A4%A").toString("base64")}`;
    expect(await (await token({ grant_type: "client_credentials" }, malformed)).json()).toMatchObject({
      error: "invalid_client",
    });

    // Expired: 401.
    await db.oAuthAccessToken.updateMany({
      where: { scopes: { equals: ["repairs:read"] } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await list(issued.access_token)).status).toBe(401);
    // Revoked client: its live token and its credentials stop working.
    expect((await list(all.access_token)).status).toBe(200);
    await revokeOAuthClient(db, contextFor(admin), client.id);
    expect((await list(all.access_token)).status).toBe(401);
    const after = await token({ grant_type: "client_credentials" }, basic);
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("Basic");
  });

  it("webhooks: a customer key manages its customer's, even once its creator is no longer the primary contact", async () => {
    const { db, carla, acme, globex, admin } = world;
    await db.customerUser.update({ where: { userId: carla.userId }, data: { isPrimaryContact: true } });
    const key = await createApiKey(db, contextFor(carla), { name: "Acme ERP", scopes: ["webhooks:write"] });
    await db.customerUser.update({ where: { userId: carla.userId }, data: { isPrimaryContact: false } });
    const others = await db.webhookSubscription.create({
      data: {
        customerId: globex.id,
        url: "https://globex.example/hooks",
        events: ["repair.completed"],
        secret: "s",
        createdById: admin.userId,
      },
    });

    const created = await call("createWebhook", key.token, {
      path: "/api/v1/webhooks",
      method: "POST",
      body: { url: "https://acme.example/hooks", events: ["repair.completed", "repair.completed"] },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; events: string[]; secret: string };
    expect(body).toMatchObject({ events: ["repair.completed"], secret: expect.any(String) });
    expect(await db.webhookSubscription.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
      customerId: acme.id,
    });
    const listed = (await (await call("listWebhooks", key.token, { path: "/api/v1/webhooks" })).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((w) => w.id)).toEqual([body.id]);
    // Another customer's subscription is not found, and stays.
    const foreign = await call(
      "deleteWebhook",
      key.token,
      { path: `/api/v1/webhooks/${others.id}`, method: "DELETE" },
      { id: others.id },
    );
    expect(foreign.status).toBe(404);
    expect(await db.webhookSubscription.count({ where: { id: others.id } })).toBe(1);
    // A business-wide key sees the business-wide subscriptions only.
    const business = await createApiKey(db, contextFor(admin), { name: "Ops", scopes: ["webhooks:write"] });
    const wide = (await (await call("listWebhooks", business.token, { path: "/api/v1/webhooks" })).json()) as {
      items: { id: string }[];
    };
    expect(wide.items.map((w) => w.id)).not.toContain(body.id);
    const deleted = await call(
      "deleteWebhook",
      key.token,
      { path: `/api/v1/webhooks/${body.id}`, method: "DELETE" },
      { id: body.id },
    );
    expect(deleted.status).toBe(204);
    expect(await db.webhookSubscription.count({ where: { id: body.id } })).toBe(0);
  });

  it("a customer key gets 404 for another customer's repair, unit and invoice, and 403 on customers", async () => {
    const { db, gus, globex } = world;
    await db.customerUser.update({ where: { userId: gus.userId }, data: { isPrimaryContact: true } });
    const key = await createApiKey(db, contextFor(gus), {
      name: "Globex",
      scopes: ["repairs:read", "repairs:write", "units:write", "customers:read", "invoices:read"],
    });
    const acmeRepair = await requested(db, world, "ACME-404");
    const get = await call("getRepair", key.token, { path: `/api/v1/repairs/${acmeRepair.id}` }, { id: acmeRepair.id });
    expect(get.status).toBe(404);
    expect(get.headers.get("content-type")).toBe("application/problem+json");
    const cancel = await call(
      "cancelRepair",
      key.token,
      { path: `/api/v1/repairs/${acmeRepair.id}/cancel`, method: "POST", body: { reason: "not mine" } },
      { id: acmeRepair.id },
    );
    expect(cancel.status).toBe(404);
    expect((await db.repair.findUniqueOrThrow({ where: { id: acmeRepair.id } })).status).toBe(acmeRepair.status);
    const unit = await call(
      "updateUnit",
      key.token,
      { path: `/api/v1/units/${acmeRepair.unitId}`, method: "PATCH", body: { make: "Hijack" } },
      { id: acmeRepair.unitId },
    );
    expect(unit.status).toBe(404);
    expect((await db.unit.findUniqueOrThrow({ where: { id: acmeRepair.unitId } })).make).toBeNull();
    expect((await call("listCustomers", key.token, { path: "/api/v1/customers" })).status).toBe(403);
    // Its own fleet: a unit made with the unit-number rule, customer taken from the key.
    const own = await call("createUnit", key.token, {
      path: "/api/v1/units",
      method: "POST",
      body: { unitNumber: " glx 7 " },
    });
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ customerId: globex.id });
    const wrong = await call("getInvoice", key.token, { path: "/api/v1/invoices/x" }, { id: "not-a-uuid" });
    expect(wrong.status).toBe(404);
  });

  it("refuses bad input with its problem and writes nothing: 413 unread, malformed JSON, unknown field, 415, burst 429", async () => {
    const { db, admin, acme } = world;
    const key = await createApiKey(db, contextFor(admin), { name: "bad input", scopes: ["units:write", "units:read"] });
    const before = await db.unit.count();
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      call("createUnit", key.token, { path: "/api/v1/units", method: "POST", body, headers });

    const announced = await runApiOperation(
      db,
      "createUnit",
      new Request("http://app.test/api/v1/units", {
        method: "POST",
        headers: {
          authorization: `Bearer ${key.token}`,
          "content-type": "application/json",
          "content-length": String(API_BODY_BYTES + 1),
        },
        ...streamed(streamedBody(API_BODY_BYTES + 1).body),
      }),
    );
    expect(announced.status).toBe(413);
    const { body, state } = streamedBody(8 * API_BODY_BYTES);
    const chunked = await runApiOperation(
      db,
      "createUnit",
      new Request("http://app.test/api/v1/units", {
        method: "POST",
        headers: { authorization: `Bearer ${key.token}`, "content-type": "application/json" },
        ...streamed(body),
      }),
    );
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ code: "BODY_TOO_LARGE", status: 413 });
    expect(state.pulled).toBeLessThan(2 * API_BODY_BYTES);

    const malformed = await post('{"customerId": "', {});
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "BAD_INPUT" });
    const unknown = await post({ customerId: acme.id, unitNumber: "X-1", colour: "red" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("colour");
    const form = await post("unitNumber=X-1", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const page = await call("listUnits", key.token, { path: `/api/v1/units?customer=${acme.id}&limit=10000` });
    expect(page.status).toBe(400);
    expect(await db.unit.count()).toBe(before);

    // A burst of 1,000 at once: the bucket gives its 60 plus what refilled meanwhile (600/min), no more;
    // every other answer is 429 with Retry-After and RateLimit-*.
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () =>
        call("listUnits", key.token, { path: `/api/v1/units?customer=${acme.id}&limit=1` }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const allowed = answers.filter((a) => a.status === 200).length;
    const limited = answers.filter((a) => a.status === 429);
    expect(allowed + limited.length).toBe(1000);
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(60 + Math.ceil(seconds * 10) + 1);
    const last = limited.at(-1)!;
    expect(Number(last.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(last.headers.get("RateLimit-Limit")).toBe("60");
    expect(last.headers.get("RateLimit-Remaining")).toBe("0");
    expect(Number(last.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
    expect(await last.json()).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    // Emptied well below zero so the refill while the write is sent cannot reach a token.
    await db.apiRateBucket.update({ where: { key: `key:${key.id}` }, data: { tokens: -12, updatedAt: new Date() } });
    const refusedWrite = await post({ customerId: acme.id, unitNumber: "AFTER-BURST" });
    expect(refusedWrite.status).toBe(429);
    expect(await db.unit.count()).toBe(before);
  });
});
