// After a customer's price list changes, every open repair of theirs is re-quoted with it
// (frozen prices are never touched). Only units with open work are visited.
import "server-only";
import type { DbTx } from "../../db";
import { OPEN_STATUSES, refreshOpenEstimates } from "./refresh-open-estimates";

/** Returns how many units had open work re-quoted. */
export async function refreshCustomerEstimates(tx: DbTx, customerId: string): Promise<number> {
  const units = await tx.repair.findMany({
    where: { customerId, status: { in: OPEN_STATUSES } },
    distinct: ["unitId"],
    select: { unitId: true },
  });
  for (const { unitId } of units) await refreshOpenEstimates(tx, unitId);
  return units.length;
}
