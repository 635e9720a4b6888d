// /api/v1/customers: business-wide (admin) keys only, through listCustomers and getCustomer.
import "server-only";
import { z } from "zod";
import { listCustomers } from "../services/customers/list-customers";
import { getCustomer } from "../services/customers/get-customer";
import { type OperationInput, pathId } from "./context";

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

/** Refused to a customer's key before its query is read (operations.ts). */
export const CUSTOMERS_BUSINESS_WIDE = "Customers are listed for business-wide keys only.";

export const listCustomersOperation = async ({
  db,
  ctx,
  query,
}: OperationInput<undefined, z.output<typeof listCustomersQuery>>) => ({ items: await listCustomers(db, ctx, query) });

export const getCustomerOperation = ({ db, ctx, id }: OperationInput) =>
  getCustomer(db, ctx, { customerId: pathId(id, "Customer") });
