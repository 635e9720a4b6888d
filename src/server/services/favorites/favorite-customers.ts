// A technician's starred customers: listed first on every customer list of theirs, on any
// device (stored on the server, and carried in the prepared snapshot for offline use).
import "server-only";
import { z } from "zod";
import { NotFound } from "../../errors";
import { assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";

export const setFavoriteCustomerInput = z.object({ customerId: z.uuid(), favorite: z.boolean() });
export type SetFavoriteCustomerInput = z.input<typeof setFavoriteCustomerInput>;

export async function setFavoriteCustomer(
  db: Db,
  ctx: ServiceContext,
  raw: SetFavoriteCustomerInput,
): Promise<{ customerId: string; favorite: boolean }> {
  const input = setFavoriteCustomerInput.parse(raw);
  const me = ctx.actor.technician;
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { id: input.customerId },
      select: { id: true, blockedTechnicians: { where: { id: me?.id ?? "" }, select: { id: true } } },
    });
    if (!customer) throw new NotFound("Customer");
    // Un-starring is always allowed (a customer may have blocked them since).
    if (input.favorite) {
      assertAllowed(ctx.actor, "customer.favorite", {
        customerId: customer.id,
        blockedByCustomer: customer.blockedTechnicians.length > 0,
      });
    }
    if (!me) throw new NotFound("Technician");
    const key = { technicianId_customerId: { technicianId: me.id, customerId: customer.id } };
    const existing = await tx.technicianFavoriteCustomer.findUnique({ where: key });
    if (Boolean(existing) === input.favorite) return { customerId: customer.id, favorite: input.favorite };
    if (input.favorite)
      await tx.technicianFavoriteCustomer.create({ data: { technicianId: me.id, customerId: customer.id } });
    else await tx.technicianFavoriteCustomer.delete({ where: key });
    await auditChange(tx, ctx, {
      action: input.favorite ? "customer.favorite" : "customer.unfavorite",
      entityType: "Customer",
      entityId: customer.id,
      before: { favoriteOf: existing ? me.id : null },
      after: { favoriteOf: input.favorite ? me.id : null },
    });
    return { customerId: customer.id, favorite: input.favorite };
  });
}

/** The ids of the acting technician's favorite customers (none for an admin). */
export async function listFavoriteCustomerIds(db: Db, ctx: ServiceContext): Promise<string[]> {
  const me = ctx.actor.technician;
  if (!me) return [];
  const rows = await db.technicianFavoriteCustomer.findMany({
    where: { technicianId: me.id },
    select: { customerId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.customerId);
}
