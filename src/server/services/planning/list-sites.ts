// A customer's sites, for the admin's customer page and the office's walk planning.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { sitesOf } from "../../data/planning/sites";

export const listSitesInput = z.object({ customerId: z.uuid() });
export type ListSitesInput = z.input<typeof listSitesInput>;

export async function listSites(db: Db, ctx: ServiceContext, raw: ListSitesInput) {
  const { customerId } = listSitesInput.parse(raw);
  assertAllowed(ctx.actor, "customer.sites.view", { customerId });
  if (!(await db.customer.findUnique({ where: { id: customerId }, select: { id: true } })))
    throw new NotFound("Customer");
  return sitesOf(db, customerId);
}
