// A customer's fleet as pickers and fleet editors show it: each unit's record and how many repairs
// its current windshield has had, without the repairs themselves. The portal's first HTML carries
// this list; with every unit's history (listUnitsForCustomer) it was ~80 KB for a 24-unit demo
// fleet and grows with every repair, while no picker reads the history.
import "server-only";
import { z } from "zod";
import type { Db, DbTx } from "../../db";
import type { ServiceContext } from "../../service-context";
import { customerInScope } from "../../data/customers/customer-in-scope";
import { completedByWindshield } from "../../data/pricing/price-history";

export const listFleetInput = z.object({ customerId: z.uuid().optional() });
export type ListFleetInput = z.input<typeof listFleetInput>;

export async function listFleet(db: Db, ctx: ServiceContext, raw: ListFleetInput = {}) {
  const input = listFleetInput.parse(raw);
  const customerId = customerInScope(ctx.actor, input.customerId, "customer.priceList.view");
  return db.$transaction(async (tx) =>
    withCompletedOnWindshield(
      tx,
      customerId,
      await tx.unit.findMany({ where: { customerId }, orderBy: { unitNumber: "asc" } }),
    ),
  );
}

/** The customer's units, each with how many completed repairs its current windshield has had. */
export async function withCompletedOnWindshield<U extends { id: string; windshieldSeq: number }>(
  tx: DbTx,
  customerId: string,
  units: U[],
): Promise<(U & { completedOnWindshield: number })[]> {
  const completed = await completedByWindshield(tx, customerId);
  return units.map((unit) => ({
    ...unit,
    /** Completed repairs on the current windshield: the next repair's tier is this + 1. */
    completedOnWindshield: completed.get(`${unit.id}:${unit.windshieldSeq}`) ?? 0,
  }));
}
