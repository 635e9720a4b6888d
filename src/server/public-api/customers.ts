// /api/v1/customers: business-wide (admin) keys only, through listCustomers and getCustomer.
import "server-only";
import { z } from "zod";
import type { Db } from "../db";
import { listCustomers } from "../services/customers/list-customers";
import { getCustomer } from "../services/customers/get-customer";
import type { ApiCaller } from "./api-keys";
import { ApiKeyForbidden } from "./api-keys";
import { apiContext, pathId } from "./context";

export const listCustomersQuery = z.strictObject({
  search: z.string().min(1).max(100).optional().describe("Part of the customer's name"),
});

export const customerSummarySchema = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  unitCount: z.int(),
  openRepairs: z.int(),
  pendingApprovals: z.int(),
});
export const customerListSchema = z.object({ items: z.array(customerSummarySchema) });
export const customerSchema = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  unitCount: z.int(),
});

function businessWideOnly(caller: ApiCaller) {
  if (caller.customerId !== null) throw new ApiKeyForbidden("Customers are listed for business-wide keys only.");
}

export async function listCustomersOperation(db: Db, caller: ApiCaller, request: Request) {
  businessWideOnly(caller);
  const query = listCustomersQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { items: await listCustomers(db, apiContext(caller, request), query) };
}

export async function getCustomerOperation(db: Db, caller: ApiCaller, request: Request, id: string) {
  businessWideOnly(caller);
  return getCustomer(db, apiContext(caller, request), { customerId: pathId(id, "Customer") });
}
