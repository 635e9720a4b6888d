// A customer's fleet with each unit's history on its current windshield: what a technician
// caches to estimate offline, and what a customer user reads about their own vehicles.
import "server-only";
import { z } from "zod";
import { decide } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { customerInScope } from "../../data/customers/customer-in-scope";
import { repairRef } from "../../data/repairs/load-repair-for";
import { repairView } from "../../data/repairs/repair-view";
import { withCompletedOnWindshield } from "./list-fleet";

export const listUnitsForCustomerInput = z.object({ customerId: z.uuid().optional() });
export type ListUnitsForCustomerInput = z.input<typeof listUnitsForCustomerInput>;

export async function listUnitsForCustomer(db: Db, ctx: ServiceContext, raw: ListUnitsForCustomerInput = {}) {
  const input = listUnitsForCustomerInput.parse(raw);
  const customerId = customerInScope(ctx.actor, input.customerId, "customer.priceList.view");
  return db.$transaction(async (tx) => {
    const units = await tx.unit.findMany({
      where: { customerId },
      include: { repairs: { orderBy: { createdAt: "asc" } } },
      orderBy: { unitNumber: "asc" },
    });
    return (await withCompletedOnWindshield(tx, customerId, units)).map(({ repairs, ...unit }) => ({
      ...unit,
      history: repairs
        .filter((r) => r.windshieldSeq === unit.windshieldSeq && decide(ctx.actor, "repair.view", repairRef(r)).allowed)
        .map((r) => repairView(ctx.actor, r)),
    }));
  });
}
