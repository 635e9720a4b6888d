// A customer's name and contact details. The admin edits all of them; a customer user edits
// their company's contact email and phone (their "own preferences"), nothing else.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";
import { customerInScope } from "../../data/customers/customer-in-scope";

export const updateCustomerContactInput = z.object({
  /** Defaults to the customer user's own company. */
  customerId: z.uuid().optional(),
  name: textInput(FIELDS.companyName, { required: true }).optional(),
  contactEmail: z.email().max(FIELDS.contactEmail.maxLength).nullable().optional(),
  phone: textInput(FIELDS.phone).nullable().optional(),
  address: textInput(FIELDS.address).nullable().optional(),
});
export type UpdateCustomerContactInput = z.input<typeof updateCustomerContactInput>;

export async function updateCustomerContact(db: Db, ctx: ServiceContext, raw: UpdateCustomerContactInput) {
  const { customerId: named, ...changes } = updateCustomerContactInput.parse(raw);
  const customerId = customerInScope(ctx.actor, named, "customer.settings.view");
  const { name, address, ...preferences } = changes;
  if (name !== undefined || address !== undefined) assertAllowed(ctx.actor, "customer.settings.edit", { customerId });
  if (Object.values(preferences).some((v) => v !== undefined))
    assertAllowed(ctx.actor, "customer.preferences.edit", { customerId });
  return db.$transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: customerId } });
    if (!before) throw new NotFound("Customer");
    const after = await tx.customer.update({ where: { id: customerId }, data: changes });
    await auditChange(tx, ctx, {
      action: "customer.updateContact",
      entityType: "Customer",
      entityId: customerId,
      before,
      after,
    });
    return {
      id: after.id,
      name: after.name,
      contactEmail: after.contactEmail,
      phone: after.phone,
      address: after.address,
    };
  });
}
