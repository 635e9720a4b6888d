// Every /api/v1 operation in one table: its route, scope, schemas and function. The route files
// (src/app/api/v1/**/route.ts) and the OpenAPI document are both made from it, so a documented
// operation is exactly one that is served, validated by the schemas the document shows.
import "server-only";
import type { z } from "zod";
import { type Db, db } from "../db";
import { ApiKeyForbidden, type ApiScope } from "./api-keys";
import { type OperationInput, apiContext } from "./context";
import { analyticsSummaryOperation, analyticsSummaryQuery, analyticsSummarySchema } from "./analytics";
import {
  CUSTOMERS_BUSINESS_WIDE,
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
  /** Refused (403) to a customer's key with this message, before anything is read. */
  businessWideOnly?: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer: its status and JSON schema (none for 204), or a PDF. */
  success: { status: 200 | 201 | 204; schema?: z.ZodType; pdf?: true };
  /** Refusals this operation may answer besides 401, 403, 429 (always possible). */
  errors: number[];
  run: (input: OperationInput<never, never>) => Promise<unknown>;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Types `run`'s input by the schemas. `errors` lists the operation's own refusals; a body's
 * (400 malformed, 413 too large, 415 not JSON) and a query's (400) are added here.
 */
function op<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: Omit<ApiOperationSpec, "operationId" | "run" | "body" | "query"> & {
    query?: Q;
    body?: B;
    run: (input: OperationInput<Parsed<B>, Parsed<Q>>) => Promise<unknown>;
  },
): Omit<ApiOperationSpec, "operationId"> {
  const errors = [...(spec.body ? [400, 413, 415] : []), ...(spec.query ? [400] : []), ...spec.errors];
  return { ...spec, errors: [...new Set(errors)] } as unknown as Omit<ApiOperationSpec, "operationId">;
}

/** Each operation's id is its name in the table. */
function table<T extends Record<string, Omit<ApiOperationSpec, "operationId">>>(ops: T) {
  return Object.fromEntries(
    Object.entries(ops).map(([operationId, spec]) => [operationId, { ...spec, operationId }]),
  ) as { [K in keyof T]: ApiOperationSpec };
}

export const API_OPERATIONS = table({
  listRepairs: op({
    method: "GET",
    path: "/api/v1/repairs",
    scope: "repairs:read",
    summary: "Repairs the caller may see, newest first",
    query: listRepairsQuery,
    success: { status: 200, schema: repairPageSchema },
    errors: [],
    run: listRepairsOperation,
  }),
  createRepair: op({
    method: "POST",
    path: "/api/v1/repairs",
    scope: "repairs:write",
    summary: "Request a repair on a unit; the answer carries its upfront price",
    body: createRepairBody,
    success: { status: 201, schema: requestedRepairSchema },
    errors: [404, 409, 422],
    run: createRepairOperation,
  }),
  getRepair: op({
    method: "GET",
    path: "/api/v1/repairs/{id}",
    scope: "repairs:read",
    summary: "One repair with its unit and attachments",
    success: { status: 200, schema: repairDetailSchema },
    errors: [404],
    run: getRepairOperation,
  }),
  approveRepairs: op({
    method: "POST",
    path: "/api/v1/repairs/approve",
    scope: "repairs:write",
    summary: "Approve pending repairs, all or none",
    body: approveRepairsBody,
    success: { status: 200, schema: repairListSchema },
    errors: [404, 409, 422],
    run: approveRepairsOperation,
  }),
  denyRepairs: op({
    method: "POST",
    path: "/api/v1/repairs/deny",
    scope: "repairs:write",
    summary: "Deny pending repairs with a reason, all or none",
    body: denyRepairsBody,
    success: { status: 200, schema: repairListSchema },
    errors: [404, 409, 422],
    run: denyRepairsOperation,
  }),
  cancelRepair: op({
    method: "POST",
    path: "/api/v1/repairs/{id}/cancel",
    scope: "repairs:write",
    summary: "Cancel a repair nobody has done yet",
    body: cancelRepairBody,
    success: { status: 200, schema: repairSchema },
    errors: [404, 409, 422],
    run: cancelRepairOperation,
  }),
  listUnits: op({
    method: "GET",
    path: "/api/v1/units",
    scope: "units:read",
    summary: "A customer's units by unit number",
    query: listUnitsQuery,
    success: { status: 200, schema: unitPageSchema },
    errors: [404],
    run: listUnitsOperation,
  }),
  createUnit: op({
    method: "POST",
    path: "/api/v1/units",
    scope: "units:write",
    summary: "Add a unit to a fleet (the unit-number rule applies)",
    body: createUnitBody,
    success: { status: 201, schema: unitSchema },
    errors: [404, 422],
    run: createUnitOperation,
  }),
  updateUnit: op({
    method: "PATCH",
    path: "/api/v1/units/{id}",
    scope: "units:write",
    summary: "Correct a unit's number, VIN, make, model or year",
    body: updateUnitBody,
    success: { status: 200, schema: unitSchema },
    errors: [404],
    run: updateUnitOperation,
  }),
  listCustomers: op({
    method: "GET",
    path: "/api/v1/customers",
    scope: "customers:read",
    businessWideOnly: CUSTOMERS_BUSINESS_WIDE,
    summary: "Customers with their work in numbers (business-wide keys only)",
    query: listCustomersQuery,
    success: { status: 200, schema: customerListSchema },
    errors: [],
    run: listCustomersOperation,
  }),
  getCustomer: op({
    method: "GET",
    path: "/api/v1/customers/{id}",
    scope: "customers:read",
    businessWideOnly: CUSTOMERS_BUSINESS_WIDE,
    summary: "One customer: contact, fleet settings, price list (business-wide keys only)",
    success: { status: 200, schema: customerSchema },
    errors: [404],
    run: getCustomerOperation,
  }),
  listInvoices: op({
    method: "GET",
    path: "/api/v1/invoices",
    scope: "invoices:read",
    summary: "Invoices and credit notes, newest first",
    query: listInvoicesQuery,
    success: { status: 200, schema: invoiceListSchema },
    errors: [404],
    run: listInvoicesOperation,
  }),
  getInvoice: op({
    method: "GET",
    path: "/api/v1/invoices/{id}",
    scope: "invoices:read",
    summary: "One invoice with its lines and payments",
    success: { status: 200, schema: invoiceSchema },
    errors: [404],
    run: getInvoiceOperation,
  }),
  getInvoicePdf: op({
    method: "GET",
    path: "/api/v1/invoices/{id}/pdf",
    scope: "invoices:read",
    summary: "One invoice as a PDF",
    success: { status: 200, pdf: true },
    errors: [404],
    run: invoicePdfOperation,
  }),
  analyticsSummary: op({
    method: "GET",
    path: "/api/v1/analytics/summary",
    scope: "analytics:read",
    summary: "Repairs created and invoices issued in a period, counted and summed by status",
    query: analyticsSummaryQuery,
    success: { status: 200, schema: analyticsSummarySchema },
    errors: [404],
    run: analyticsSummaryOperation,
  }),
  listWebhooks: op({
    method: "GET",
    path: "/api/v1/webhooks",
    scope: "webhooks:write",
    summary: "The caller's webhook subscriptions",
    success: { status: 200, schema: webhookListSchema },
    errors: [],
    run: listWebhooksOperation,
  }),
  createWebhook: op({
    method: "POST",
    path: "/api/v1/webhooks",
    scope: "webhooks:write",
    summary: "Subscribe a URL to events; the answer holds the signing secret, shown once",
    body: createWebhookBody,
    success: { status: 201, schema: createdWebhookSchema },
    errors: [422],
    run: createWebhookOperation,
  }),
  deleteWebhook: op({
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    scope: "webhooks:write",
    summary: "Remove a webhook subscription",
    success: { status: 204 },
    errors: [404],
    run: deleteWebhookOperation,
  }),
});

export type ApiOperationId = keyof typeof API_OPERATIONS;

/** Runs one operation of the table on `database`: what a route file and the tests call. */
export function runApiOperation(database: Db, name: ApiOperationId, request: Request, params: Params = {}) {
  const spec: ApiOperationSpec = API_OPERATIONS[name];
  return apiOperation(
    database,
    request,
    spec.scope,
    (caller, req, body) => {
      if (spec.businessWideOnly && caller.customerId !== null) throw new ApiKeyForbidden(spec.businessWideOnly);
      const query = spec.query?.parse(Object.fromEntries(new URL(req.url).searchParams));
      const ctx = apiContext(caller, req);
      return spec.run({ db: database, caller, request: req, ctx, id: params.id ?? "", body, query } as never);
    },
    spec.body,
  );
}

/** A Next route handler for one operation, on the app's database. */
export const apiRoute =
  (name: ApiOperationId) =>
  async (request: Request, context?: { params?: Promise<Params> }): Promise<Response> =>
    runApiOperation(db(), name, request, (await context?.params) ?? {});
