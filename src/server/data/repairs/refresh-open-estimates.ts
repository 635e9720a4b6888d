// Estimates follow the history until completion: after a completion or a windshield
// replacement, the unit's open repairs are re-quoted (frozen prices are never touched).
import "server-only";
import { PRICE_FROZEN_STATUSES, STATUSES, type Status, isTerminal, warrantyQuote } from "~/domain/index";
import type { DbTx } from "../../db";
import { estimateFields, overrideOf, quoteRepair } from "../pricing/quote-repair";

/** Not completed and not ended: the statuses whose estimate still follows the history. */
export const OPEN_STATUSES: Status[] = STATUSES.filter((s) => !PRICE_FROZEN_STATUSES.includes(s) && !isTerminal(s));

export async function refreshOpenEstimates(tx: DbTx, unitId: string): Promise<void> {
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
  // A repair another transaction is deciding on keeps its estimate until its own next change:
  // waiting for it here could deadlock against a multi-repair approval.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Repair" WHERE "unitId" = ${unitId}::uuid AND status::text = ANY(${OPEN_STATUSES}) FOR UPDATE SKIP LOCKED`;
  const open = await tx.repair.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    orderBy: [{ breakIndex: "asc" }, { createdAt: "asc" }],
  });
  const nextIndexInJob = new Map<string, number>();
  const now = new Date();
  for (const repair of open) {
    const job = repair.jobId ?? repair.id;
    const indexInJob = nextIndexInJob.get(job) ?? 0;
    nextIndexInJob.set(job, indexInJob + 1);
    const base = await quoteRepair(tx, {
      customerId: repair.customerId,
      unitId,
      windshieldSeq: unit.windshieldSeq,
      indexInJob,
      at: now,
      override: overrideOf(repair),
    });
    const quote = repair.warrantyOfId ? warrantyQuote(base) : base;
    await tx.repair.update({ where: { id: repair.id }, data: estimateFields(quote) });
  }
}
