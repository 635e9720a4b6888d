// How many technicians hold an offline copy of a customer's settings or price list older than
// the current one (recorded by sync.prepare): after an admin changes either, their devices
// estimate and approve with the old values until their next Prepare, which refreshes the copy.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { loadPricingRules } from "../../data/pricing/load-pricing-rules";

export const staleOfflineCopiesInput = z.object({ customerId: z.uuid() });
export type StaleOfflineCopiesInput = z.input<typeof staleOfflineCopiesInput>;

export type StaleOfflineCopies = {
  /** Technicians whose copy is older than the current settings or price list. */
  stale: number;
  /** Technicians holding any copy of this customer. */
  holding: number;
  technicians: { technicianId: string; name: string; preparedAt: Date }[];
};

export async function countStaleOfflineCopies(
  db: Db,
  ctx: ServiceContext,
  raw: StaleOfflineCopiesInput,
): Promise<StaleOfflineCopies> {
  const input = staleOfflineCopiesInput.parse(raw);
  assertAllowed(ctx.actor, "customer.settings.edit", { customerId: input.customerId });
  const customer = await db.customer.findUnique({
    where: { id: input.customerId },
    select: { settingsVersion: true },
  });
  if (!customer) throw new NotFound("Customer");
  const { version: pricingVersion } = await loadPricingRules(db, input.customerId);
  const copies = await db.offlineCopy.findMany({
    where: { customerId: input.customerId, technician: { isActive: true } },
    select: {
      technicianId: true,
      settingsVersion: true,
      pricingVersion: true,
      preparedAt: true,
      technician: { select: { user: { select: { name: true } } } },
    },
    orderBy: { preparedAt: "asc" },
  });
  const stale = copies.filter((c) => c.settingsVersion < customer.settingsVersion || c.pricingVersion < pricingVersion);
  return {
    stale: stale.length,
    holding: copies.length,
    technicians: stale.map((c) => ({
      technicianId: c.technicianId,
      name: c.technician.user.name,
      preparedAt: c.preparedAt,
    })),
  };
}
