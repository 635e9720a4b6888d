// A new windshield on a unit: tier pricing restarts from the first tier, older repairs stay
// in the history on their own windshield, and open repairs are re-estimated.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import type { Db } from "../../db";
import type { Unit } from "../../db/generated/client";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { refreshOpenEstimates } from "../../data/repairs/refresh-open-estimates";
import { dateInput } from "../../data/shared-inputs";
import { loadUnitFor } from "../../data/units/load-unit-for";

export const markWindshieldReplacedInput = z.object({ unitId: z.uuid(), replacedAt: dateInput.optional() });
export type MarkWindshieldReplacedInput = z.input<typeof markWindshieldReplacedInput>;

export async function markWindshieldReplaced(
  db: Db,
  ctx: ServiceContext,
  raw: MarkWindshieldReplacedInput,
): Promise<Unit> {
  const input = markWindshieldReplacedInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await loadUnitFor(tx, ctx.actor, input.unitId);
    assertAllowed(ctx.actor, "unit.replaceWindshield", { customerId: before.customerId });
    // The increment happens on the locked row, in step with completions (lock-pricing-history.ts).
    const after = await tx.unit.update({
      where: { id: before.id },
      data: { windshieldSeq: { increment: 1 }, windshieldReplacedAt: input.replacedAt ?? new Date() },
    });
    await auditChange(tx, ctx, {
      action: "unit.replaceWindshield",
      entityType: "Unit",
      entityId: before.id,
      before,
      after,
    });
    await refreshOpenEstimates(tx, before.id);
    return after;
  });
}
