// The counts pricing needs, always derived from the repair history (a stored counter was
// incremented twice for one repair in the old system).
import "server-only";
import { PRICE_FROZEN_STATUSES, countInSameMonth } from "~/domain/index";
import { config } from "../../config";
import type { DbTx } from "../../db";
import type { RepairStatus } from "../../db/generated/client";

/** A repair counts as done once completed, and stays done when invoiced or paid. */
export const COMPLETED_STATUSES: RepairStatus[] = [...PRICE_FROZEN_STATUSES];

/** Completed repairs that count in pricing: a warranty redo does not (countsInPricingHistory). */
const PRICED_HISTORY = { status: { in: COMPLETED_STATUSES }, warrantyOfId: null };

export function completedOnWindshield(tx: DbTx, unitId: string, windshieldSeq: number): Promise<number> {
  return tx.repair.count({ where: { unitId, windshieldSeq, ...PRICED_HISTORY } });
}

/** Completed repairs per unit and windshield of one customer: "unitId:seq" -> count. */
export async function completedByWindshield(tx: DbTx, customerId: string): Promise<Map<string, number>> {
  const groups = await tx.repair.groupBy({
    by: ["unitId", "windshieldSeq"],
    where: { customerId, ...PRICED_HISTORY },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [`${g.unitId}:${g.windshieldSeq}`, g._count._all]));
}

// A business month lies within 32 days of any of its instants, whatever the time zone.
const MONTH_REACH_MS = 32 * 24 * 60 * 60 * 1000;

/** The customer's repairs completed in the business month of `at` (the domain decides the month). */
export async function customerCompletedThisMonth(tx: DbTx, customerId: string, at: Date): Promise<number> {
  const rows = await tx.repair.findMany({
    where: {
      customerId,
      ...PRICED_HISTORY,
      completedAt: { gte: new Date(at.getTime() - MONTH_REACH_MS), lte: new Date(at.getTime() + MONTH_REACH_MS) },
    },
    select: { completedAt: true },
  });
  const dates = rows.flatMap((r) => (r.completedAt ? [r.completedAt] : []));
  return countInSameMonth(dates, at, config().BUSINESS_TIME_ZONE);
}
