// One customer as the admin's detail screen and the customer's own settings page read it:
// contact, fleet settings and price list. Internal matters (the pricing agreement's notes,
// the company's user accounts) are shown only to those who may edit the settings.
import "server-only";
import { z } from "zod";
import { decide } from "~/domain";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { customerInScope } from "../../data/customers/customer-in-scope";
import { FLEET_SETTINGS_INCLUDE, fleetSettingsView } from "../../data/customers/fleet-settings-view";
import { pricingView } from "../../data/customers/pricing-view";

export const getCustomerInput = z.object({ customerId: z.uuid().optional() });
export type GetCustomerInput = z.input<typeof getCustomerInput>;

export async function getCustomer(db: Db, ctx: ServiceContext, raw: GetCustomerInput = {}) {
  const input = getCustomerInput.parse(raw);
  const customerId = customerInScope(ctx.actor, input.customerId, "customer.settings.view");
  const internal = decide(ctx.actor, "customer.settings.edit", { customerId }).allowed;
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    include: { ...FLEET_SETTINGS_INCLUDE, pricing: true },
  });
  if (!customer) throw new NotFound("Customer");
  const users = internal
    ? await db.customerUser.findMany({
        where: { customerId },
        select: { isPrimaryContact: true, user: { select: { id: true, name: true, email: true, isActive: true } } },
        orderBy: { createdAt: "asc" },
      })
    : null;
  return {
    id: customer.id,
    name: customer.name,
    contactEmail: customer.contactEmail,
    phone: customer.phone,
    address: customer.address,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    settings: fleetSettingsView(customer),
    pricing: pricingView(customer.pricing),
    /** Internal notes on the pricing agreement; null for the customer's own users. */
    pricingNotes: internal ? (customer.pricing?.notes ?? "") : null,
    users: users?.map((u) => ({ ...u.user, isPrimaryContact: u.isPrimaryContact })) ?? null,
    unitCount: await db.unit.count({ where: { customerId } }),
  };
}
