// Every /api/v1 operation in one table: its route, scope, schemas and function. The route files
// (src/app/api/v1/**/route.ts) and the OpenAPI document are both made from it, so a documented
// operation is exactly one that is served, validated by the schemas the document shows.
import "server-only";
import type { z } from "zod";
import { type Db, db } from "../db";
import { type ApiCaller, type ApiScope } from "./api-keys";
import { analyticsSummaryOperation, analyticsSummaryQuery, analyticsSummarySchema } from "./analytics";
import {
  customerListSchema,
  customerSchema,
  getCustomerOperation,
  listCustomersOperation,
  listCustomersQuery,
} from "./customers";
import { apiOperation } from "./handle";
import {
  getInvoiceOperation,
  invoiceListSchema,
  invoicePdfOperation,
  invoiceSchema,
  listInvoicesOperation,
  listInvoicesQuery,
} from "./invoices";
import {
  approveRepairsBody,
  approveRepairsOperation,
  cancelRepairBody,
  cancelRepairOperation,
  createRepairBody,
  createRepairOperation,
  denyRepairsBody,
  denyRepairsOperation,
  getRepairOperation,
  listRepairsOperation,
  listRepairsQuery,
  repairDetailSchema,
  repairListSchema,
  repairPageSchema,
  repairSchema,
  requestedRepairSchema,
} from "./repairs";
import {
  createUnitBody,
  createUnitOperation,
  listUnitsOperation,
  listUnitsQuery,
  unitPageSchema,
  unitSchema,
  updateUnitBody,
  updateUnitOperation,
} from "./units";
import {
  createWebhookBody,
  createWebhookOperation,
  createdWebhookSchema,
  deleteWebhookOperation,
  listWebhooksOperation,
  webhookListSchema,
} from "./webhooks";

type Params = Record<string, string>;

export type ApiOperationSpec = {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path template, "/api/v1/repairs/{id}". */
  path: string;
  scope: ApiScope;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer: its status and JSON schema (none for 204), or a PDF. */
  success: { status: 200 | 201 | 204; schema?: z.ZodType; pdf?: true };
  /** Refusals this operation may answer besides 401, 403, 429 (always possible). */
  errors: number[];
  run: (db: Db, caller: ApiCaller, request: Request, params: Params, body: never) => Promise<unknown>;
};

/** Types `run`'s body by the body schema. */
function op<B extends z.ZodType | undefined = undefined>(
  spec: Omit<ApiOperationSpec, "run" | "body"> & {
    body?: B;
    run: (
      db: Db,
      caller: ApiCaller,
      request: Request,
      params: Params,
      body: B extends z.ZodType ? z.output<B> : undefined,
    ) => Promise<unknown>;
  },
): ApiOperationSpec {
  return spec as unknown as ApiOperationSpec;
}

const id = (params: Params) => params.id ?? "";

export const API_OPERATIONS = {
  listRepairs: op({
    operationId: "listRepairs",
    method: "GET",
    path: "/api/v1/repairs",
    scope: "repairs:read",
    summary: "Repairs the caller may see, newest first",
    query: listRepairsQuery,
    success: { status: 200, schema: repairPageSchema },
    errors: [400],
    run: (db, caller, request) => listRepairsOperation(db, caller, request),
  }),
  createRepair: op({
    operationId: "createRepair",
    method: "POST",
    path: "/api/v1/repairs",
    scope: "repairs:write",
    summary: "Request a repair on a unit; the answer carries its upfront price",
    body: createRepairBody,
    success: { status: 201, schema: requestedRepairSchema },
    errors: [400, 404, 409, 413, 415, 422],
    run: (db, caller, request, _params, body) => createRepairOperation(db, caller, request, body),
  }),
  getRepair: op({
    operationId: "getRepair",
    method: "GET",
    path: "/api/v1/repairs/{id}",
    scope: "repairs:read",
    summary: "One repair with its unit and attachments",
    success: { status: 200, schema: repairDetailSchema },
    errors: [404],
    run: (db, caller, request, params) => getRepairOperation(db, caller, request, id(params)),
  }),
  approveRepairs: op({
    operationId: "approveRepairs",
    method: "POST",
    path: "/api/v1/repairs/approve",
    scope: "repairs:write",
    summary: "Approve pending repairs, all or none",
    body: approveRepairsBody,
    success: { status: 200, schema: repairListSchema },
    errors: [400, 404, 409, 413, 415, 422],
    run: (db, caller, request, _params, body) => approveRepairsOperation(db, caller, request, body),
  }),
  denyRepairs: op({
    operationId: "denyRepairs",
    method: "POST",
    path: "/api/v1/repairs/deny",
    scope: "repairs:write",
    summary: "Deny pending repairs with a reason, all or none",
    body: denyRepairsBody,
    success: { status: 200, schema: repairListSchema },
    errors: [400, 404, 409, 413, 415, 422],
    run: (db, caller, request, _params, body) => denyRepairsOperation(db, caller, request, body),
  }),
  cancelRepair: op({
    operationId: "cancelRepair",
    method: "POST",
    path: "/api/v1/repairs/{id}/cancel",
    scope: "repairs:write",
    summary: "Cancel a repair nobody has done yet",
    body: cancelRepairBody,
    success: { status: 200, schema: repairSchema },
    errors: [400, 404, 409, 413, 415, 422],
    run: (db, caller, request, params, body) => cancelRepairOperation(db, caller, request, id(params), body),
  }),
  listUnits: op({
    operationId: "listUnits",
    method: "GET",
    path: "/api/v1/units",
    scope: "units:read",
    summary: "A customer's units by unit number",
    query: listUnitsQuery,
    success: { status: 200, schema: unitPageSchema },
    errors: [400, 404],
    run: (db, caller, request) => listUnitsOperation(db, caller, request),
  }),
  createUnit: op({
    operationId: "createUnit",
    method: "POST",
    path: "/api/v1/units",
    scope: "units:write",
    summary: "Add a unit to a fleet (the unit-number rule applies)",
    body: createUnitBody,
    success: { status: 201, schema: unitSchema },
    errors: [400, 404, 413, 415, 422],
    run: (db, caller, request, _params, body) => createUnitOperation(db, caller, request, body),
  }),
  updateUnit: op({
    operationId: "updateUnit",
    method: "PATCH",
    path: "/api/v1/units/{id}",
    scope: "units:write",
    summary: "Correct a unit's number, VIN, make, model or year",
    body: updateUnitBody,
    success: { status: 200, schema: unitSchema },
    errors: [400, 404, 413, 415],
    run: (db, caller, request, params, body) => updateUnitOperation(db, caller, request, id(params), body),
  }),
  listCustomers: op({
    operationId: "listCustomers",
    method: "GET",
    path: "/api/v1/customers",
    scope: "customers:read",
    summary: "Customers with their work in numbers (business-wide keys only)",
    query: listCustomersQuery,
    success: { status: 200, schema: customerListSchema },
    errors: [400],
    run: (db, caller, request) => listCustomersOperation(db, caller, request),
  }),
  getCustomer: op({
    operationId: "getCustomer",
    method: "GET",
    path: "/api/v1/customers/{id}",
    scope: "customers:read",
    summary: "One customer: contact, fleet settings, price list (business-wide keys only)",
    success: { status: 200, schema: customerSchema },
    errors: [404],
    run: (db, caller, request, params) => getCustomerOperation(db, caller, request, id(params)),
  }),
  listInvoices: op({
    operationId: "listInvoices",
    method: "GET",
    path: "/api/v1/invoices",
    scope: "invoices:read",
    summary: "Invoices and credit notes, newest first",
    query: listInvoicesQuery,
    success: { status: 200, schema: invoiceListSchema },
    errors: [400, 404],
    run: (db, caller, request) => listInvoicesOperation(db, caller, request),
  }),
  getInvoice: op({
    operationId: "getInvoice",
    method: "GET",
    path: "/api/v1/invoices/{id}",
    scope: "invoices:read",
    summary: "One invoice with its lines and payments",
    success: { status: 200, schema: invoiceSchema },
    errors: [404],
    run: (db, caller, request, params) => getInvoiceOperation(db, caller, request, id(params)),
  }),
  getInvoicePdf: op({
    operationId: "getInvoicePdf",
    method: "GET",
    path: "/api/v1/invoices/{id}/pdf",
    scope: "invoices:read",
    summary: "One invoice as a PDF",
    success: { status: 200, pdf: true },
    errors: [404],
    run: (db, caller, request, params) => invoicePdfOperation(db, caller, request, id(params)),
  }),
  analyticsSummary: op({
    operationId: "analyticsSummary",
    method: "GET",
    path: "/api/v1/analytics/summary",
    scope: "analytics:read",
    summary: "Repairs created and invoices issued in a period, counted and summed by status",
    query: analyticsSummaryQuery,
    success: { status: 200, schema: analyticsSummarySchema },
    errors: [400, 404],
    run: (db, caller, request) => analyticsSummaryOperation(db, caller, request),
  }),
  listWebhooks: op({
    operationId: "listWebhooks",
    method: "GET",
    path: "/api/v1/webhooks",
    scope: "webhooks:write",
    summary: "The caller's webhook subscriptions",
    success: { status: 200, schema: webhookListSchema },
    errors: [],
    run: (db, caller) => listWebhooksOperation(db, caller),
  }),
  createWebhook: op({
    operationId: "createWebhook",
    method: "POST",
    path: "/api/v1/webhooks",
    scope: "webhooks:write",
    summary: "Subscribe a URL to events; the answer holds the signing secret, shown once",
    body: createWebhookBody,
    success: { status: 201, schema: createdWebhookSchema },
    errors: [400, 413, 415, 422],
    run: (db, caller, request, _params, body) => createWebhookOperation(db, caller, request, body),
  }),
  deleteWebhook: op({
    operationId: "deleteWebhook",
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    scope: "webhooks:write",
    summary: "Remove a webhook subscription",
    success: { status: 204 },
    errors: [404],
    run: (db, caller, request, params) => deleteWebhookOperation(db, caller, request, id(params)),
  }),
} satisfies Record<string, ApiOperationSpec>;

export type ApiOperationId = keyof typeof API_OPERATIONS;

/** Runs one operation of the table on `database`: what a route file and the tests call. */
export function runApiOperation(database: Db, name: ApiOperationId, request: Request, params: Params = {}) {
  const spec: ApiOperationSpec = API_OPERATIONS[name];
  return apiOperation(
    database,
    request,
    spec.scope,
    (caller, req, body) => spec.run(database, caller, req, params, body as never),
    spec.body,
  );
}

/** A Next route handler for one operation, on the app's database. */
export const apiRoute =
  (name: ApiOperationId) =>
  async (request: Request, context?: { params?: Promise<Params> }): Promise<Response> =>
    runApiOperation(db(), name, request, (await context?.params) ?? {});
