// The contract: every operation the OpenAPI document lists is called on the real handlers (the
// operations table the route files serve) against a migrated database, and each answer's status,
// content type and body are checked against what the document says for that operation: the
// success answer, and the 401 (no token) and 403 (no scope) problems every operation documents.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_SCOPES, createApiKey } from "~/server/public-api/api-keys";
import { createOAuthClient } from "~/server/public-api/oauth";
import { oauthTokenResponse } from "~/server/public-api/oauth-token-response";
import { openApiDocument } from "~/server/public-api/openapi";
import { API_OPERATIONS, type ApiOperationId, runApiOperation } from "~/server/public-api/operations";
import { issueInvoice } from "~/server/services/billing/issue-invoice";
import { runInvoicing } from "~/server/services/billing/run-invoicing";
import { insertCompletedRepairs, insertUnits } from "../../support/billing";
import { contextFor, createUnit, createWalk } from "../../support/fixtures";
import { checkJsonSchema } from "../../support/json-schema-check";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

type Doc = ReturnType<typeof openApiDocument>;
type DocOperation = {
  operationId: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

/** One call of an operation: its path parameters, query and body. */
type Call = { params?: Record<string, string>; query?: string; body?: unknown };

describe("public API contract (every documented operation, checked against the document)", () => {
  const world = useWorld();

  async function check(doc: Doc, operation: DocOperation, response: Response) {
    const documented = operation.responses[String(response.status)];
    expect(documented, `${operation.operationId}: status ${response.status} is not documented`).toBeTruthy();
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!;
    if (!documented!.content) {
      expect(await response.text()).toBe("");
      return null;
    }
    const media = documented!.content[type];
    expect(media, `${operation.operationId} ${response.status}: ${type} is not documented`).toBeTruthy();
    if (type === "application/pdf") {
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
      return null;
    }
    const body = (await response.json()) as unknown;
    const problems = checkJsonSchema(media!.schema, body, doc as unknown as Record<string, unknown>);
    expect(problems, `${operation.operationId} ${response.status}: ${JSON.stringify(body).slice(0, 400)}`).toEqual([]);
    return body;
  }

  it("the document is valid OpenAPI 3.1 and every operation in it answers as it says", async () => {
    const { db, admin, acme, globex, tina } = world;
    const doc = openApiDocument();
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);

    const full = await createApiKey(db, contextFor(admin), { name: "contract", scopes: [...API_SCOPES] });
    const none = await createApiKey(db, contextFor(admin), { name: "no scope", scopes: ["units:read"] });
    const noScope = await createApiKey(db, contextFor(admin), { name: "no scope 2", scopes: ["repairs:read"] });

    // Records for the operations to work on.
    const unit = await createUnit(db, acme.id, "CT-1");
    const globexWalk = await createWalk(db, globex.id, tina.technicianId);
    const pending = await capture(db, world, { unitNumber: "CT-P1" }, tina, globexWalk);
    const pending2 = await capture(db, world, { unitNumber: "CT-P2" }, tina, globexWalk);
    expect([pending.status, pending2.status]).toEqual(["PENDING_APPROVAL", "PENDING_APPROVAL"]);
    const [billed] = await insertUnits(db, acme.id, ["CT-B1"]);
    await insertCompletedRepairs(db, acme.id, admin.userId, [
      { unitId: billed!, completedAt: new Date("2026-11-03T18:00:00Z") },
    ]);
    await db.customer.update({ where: { id: acme.id }, data: { invoicingCadence: "MONTHLY" } });
    await db.businessSettings.upsert({
      where: { id: 1 },
      create: { id: 1, invoiceDrafts: true },
      update: { invoiceDrafts: true },
    });
    await runInvoicing(db, { customerId: acme.id, now: new Date("2026-12-09T19:00:00Z") });
    const draft = await db.invoice.findFirstOrThrow({ where: { customerId: acme.id } });
    await issueInvoice(db, contextFor(admin), { invoiceId: draft.id });

    const state: Record<string, string> = {};
    // In an order where each call finds what it needs; every documented operation must be here.
    const calls: [ApiOperationId, () => Call][] = [
      ["listRepairs", () => ({ query: "?limit=2" })],
      ["createRepair", () => ({ body: { unitId: unit.id, damageType: "CHIP", customerNotes: "contract" } })],
      ["getRepair", () => ({ params: { id: state.repairId! } })],
      ["cancelRepair", () => ({ params: { id: state.repairId! }, body: { reason: "Booked elsewhere" } })],
      ["approveRepairs", () => ({ body: { ids: [pending.id], note: "ok" } })],
      ["denyRepairs", () => ({ body: { ids: [pending2.id], reason: "Too small" } })],
      ["listUnits", () => ({ query: `?customer=${acme.id}&limit=1` })],
      ["createUnit", () => ({ body: { customerId: acme.id, unitNumber: "ct-2", make: "Ford" } })],
      ["updateUnit", () => ({ params: { id: state.unitId! }, body: { model: "Transit", year: 2021 } })],
      ["listCustomers", () => ({})],
      ["getCustomer", () => ({ params: { id: acme.id } })],
      ["listInvoices", () => ({ query: "?limit=5" })],
      ["getInvoice", () => ({ params: { id: draft.id } })],
      ["getInvoicePdf", () => ({ params: { id: draft.id } })],
      ["analyticsSummary", () => ({ query: "?from=2026-01-01&to=2026-12-31" })],
      ["createWebhook", () => ({ body: { url: "https://erp.example/hooks", events: ["repair.completed"] } })],
      ["listWebhooks", () => ({})],
      ["deleteWebhook", () => ({ params: { id: state.webhookId! } })],
    ];
    const documented = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((o) => (o as DocOperation).operationId),
    );
    expect([...calls.map(([name]) => name), "oauthToken"].sort()).toEqual([...documented].sort());

    for (const [name, make] of calls) {
      const spec = API_OPERATIONS[name];
      const operation = doc.paths[spec.path]![spec.method.toLowerCase()] as DocOperation;
      const call = make();
      const path = spec.path.replace(/\{(\w+)\}/g, (_, p: string) => call.params![p]!);
      const request = (token: string | null) =>
        new Request(`http://app.test${path}${call.query ?? ""}`, {
          method: spec.method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(call.body ? { "content-type": "application/json" } : {}),
          },
          body: call.body ? JSON.stringify(call.body) : undefined,
        });
      // Refusals first (they write nothing), then the call itself.
      await check(doc, operation, await runApiOperation(db, name, request(null), call.params));
      const scopeless = spec.scope === "units:read" ? noScope : none;
      const refused = await runApiOperation(db, name, request(scopeless.token), call.params);
      expect(refused.status, name).toBe(403);
      await check(doc, operation, refused);
      const response = await runApiOperation(db, name, request(full.token), call.params);
      expect(response.status, `${name}: ${await response.clone().text()}`).toBe(spec.success.status);
      expect(response.headers.get("RateLimit-Remaining")).toMatch(/^\d+$/);
      const body = (await check(doc, operation, response)) as { id?: string } | null;
      if (name === "createRepair") state.repairId = body!.id!;
      if (name === "createUnit") state.unitId = body!.id!;
      if (name === "createWebhook") state.webhookId = body!.id!;
    }

    // The token endpoint, with its form body and RFC 6749 answers.
    const tokenOp = doc.paths["/api/v1/oauth/token"]!.post as unknown as DocOperation;
    const client = await createOAuthClient(db, contextFor(admin), { name: "contract", scopes: ["repairs:read"] });
    const form = (fields: Record<string, string>) =>
      new Request("http://app.test/api/v1/oauth/token", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const issued = await oauthTokenResponse(
      db,
      form({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.clientSecret }),
    );
    expect(issued.status).toBe(200);
    await check(doc, tokenOp, issued);
    const wrong = await oauthTokenResponse(
      db,
      form({ grant_type: "client_credentials", client_id: client.clientId, client_secret: "x" }),
    );
    expect(wrong.status).toBe(401);
    await check(doc, tokenOp, wrong);
  });
});
