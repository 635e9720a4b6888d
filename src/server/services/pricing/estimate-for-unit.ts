// The upfront price of a job on a unit, shown before a customer requests or a technician
// captures: one line per break, each with its explanation.
import "server-only";
import { z } from "zod";
import { type JobEstimate, NUMBER_RANGES, estimateJob } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { loadUnitFor } from "../../data/units/load-unit-for";
import { loadPricingRules } from "../../data/pricing/load-pricing-rules";
import { completedOnWindshield, customerCompletedThisMonth } from "../../data/pricing/price-history";

export const estimateForUnitInput = z.object({
  unitId: z.uuid(),
  breaks: z.number().int().min(NUMBER_RANGES.breaksPerEstimate.min).max(NUMBER_RANGES.breaksPerEstimate.max).default(1),
});
export type EstimateForUnitInput = z.input<typeof estimateForUnitInput>;

export type UnitEstimate = JobEstimate & { unitId: string; windshieldSeq: number; rulesVersion: number };

export async function estimateForUnit(db: Db, ctx: ServiceContext, raw: EstimateForUnitInput): Promise<UnitEstimate> {
  const input = estimateForUnitInput.parse(raw);
  return db.$transaction(async (tx) => {
    const unit = await loadUnitFor(tx, ctx.actor, input.unitId);
    const rules = await loadPricingRules(tx, unit.customerId);
    const estimate = estimateJob({
      completedOnWindshield: await completedOnWindshield(tx, unit.id, unit.windshieldSeq),
      breaks: input.breaks,
      customerCompletedThisMonth: await customerCompletedThisMonth(tx, unit.customerId, new Date()),
      rules,
    });
    return { ...estimate, unitId: unit.id, windshieldSeq: unit.windshieldSeq, rulesVersion: rules.version };
  });
}
