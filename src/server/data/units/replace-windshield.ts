// A new windshield on a unit: tier pricing restarts from the first tier, older repairs stay
// in the history on their own windshield, and open repairs are re-estimated. Shared by the
// office's "windshield replaced" and its confirmation of a customer's report.
import "server-only";
import type { DbTx } from "../../db";
import type { Unit } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import type { Changes } from "../../audit/write-audit";
import { auditChange } from "../audit-change";
import { refreshOpenEstimates } from "../repairs/refresh-open-estimates";

export async function replaceWindshield(
  tx: DbTx,
  ctx: ServiceContext,
  before: Unit,
  replacedAt: Date,
  extra?: Changes,
): Promise<Unit> {
  // The increment happens on the locked row, in step with completions (lock-pricing-history.ts).
  const after = await tx.unit.update({
    where: { id: before.id },
    data: { windshieldSeq: { increment: 1 }, windshieldReplacedAt: replacedAt },
  });
  await auditChange(tx, ctx, {
    action: "unit.replaceWindshield",
    entityType: "Unit",
    entityId: before.id,
    before,
    after,
    ...(extra ? { extra } : {}),
  });
  await refreshOpenEstimates(tx, before.id);
  return after;
}
