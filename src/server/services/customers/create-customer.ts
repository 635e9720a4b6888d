// A new fleet customer, on the business's default settings and prices until the admin sets
// its own (updateFleetSettings, updatePricing); optionally with the customer that referred it
// (its first completed repair pays both referral bonuses).
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { NotFound } from "../../errors";
import { textInput } from "../../data/shared-inputs";

export const createCustomerInput = z.object({
  name: textInput(FIELDS.companyName, { required: true }),
  contactEmail: z.email().max(FIELDS.contactEmail.maxLength).optional(),
  phone: textInput(FIELDS.phone).optional(),
  address: textInput(FIELDS.address).optional(),
  referredByCustomerId: z.uuid().optional(),
});
export type CreateCustomerInput = z.input<typeof createCustomerInput>;

export async function createCustomer(db: Db, ctx: ServiceContext, raw: CreateCustomerInput) {
  const input = createCustomerInput.parse(raw);
  assertAllowed(ctx.actor, "customer.create", null);
  return db.$transaction(async (tx) => {
    // A new customer cannot be its own referrer nor have referred anyone: only existence to check.
    if (input.referredByCustomerId && !(await tx.customer.count({ where: { id: input.referredByCustomerId } })))
      throw new NotFound("The referring customer");
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
