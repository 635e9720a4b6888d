// A new fleet customer, on the business's default settings and prices until the admin sets
// its own (updateFleetSettings, updatePricing).
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../audit-change";
import type { ServiceContext } from "../context";

export const createCustomerInput = z.object({
  name: z.string().trim().min(1).max(200),
  contactEmail: z.email().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
  address: z.string().trim().max(500).optional(),
});
export type CreateCustomerInput = z.input<typeof createCustomerInput>;

export async function createCustomer(db: Db, ctx: ServiceContext, raw: CreateCustomerInput) {
  const input = createCustomerInput.parse(raw);
  assertAllowed(ctx.actor, "customer.create", null);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.create({ data: input });
    await auditChange(tx, ctx, {
      action: "customer.create",
      entityType: "Customer",
      entityId: customer.id,
      before: null,
      after: customer,
    });
    return customer;
  });
}
