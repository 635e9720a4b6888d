// "Approve the whole walk": every pending repair of the walk this manager may approve, in one
// transaction (all of them or, if any changed meanwhile, none). Those over the manager's limit
// are left pending for someone who may approve them, and reported with the reason.
import "server-only";
import { z } from "zod";
import { decide } from "~/domain";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { BULK_TRANSACTION } from "../../data/bulk-transaction";
import { manualApproval } from "../repairs/approve-repairs";
import { changeRepairsStatus } from "../../data/repairs/change-repair-status";
import { repairRef } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";
import { reasonInput } from "../../data/shared-inputs";

export const approveWalkInput = z.object({
  walkId: z.uuid(),
  note: reasonInput.optional(),
  /** The count the manager confirmed: when the walk no longer has it, nothing is approved. */
  expectedCount: z.number().int().min(0).max(10_000).optional(),
});
export type ApproveWalkInput = z.input<typeof approveWalkInput>;

export type SkippedRepair = {
  repairId: string;
  unitNumber: string;
  estimateCents: number | null;
  code: string;
  reason: string;
};

export async function approveWalk(
  db: Db,
  ctx: ServiceContext,
  raw: ApproveWalkInput,
): Promise<{ approved: RepairView[]; skipped: SkippedRepair[] }> {
  const input = approveWalkInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.lotWalk.findUnique({ where: { id: input.walkId }, select: { id: true } })))
      throw new NotFound("Walk");
    const pending = await tx.repair.findMany({
      where: { walkId: input.walkId, status: "PENDING_APPROVAL" },
      include: { unit: { select: { unitNumber: true } } },
      orderBy: { id: "asc" },
    });
    const visible = pending.filter((r) => decide(ctx.actor, "repair.view", repairRef(r)).allowed);
    // A walk outside the manager's team is not described, like its repairs.
    if (pending.length > 0 && visible.length === 0) throw new NotFound("Walk");

    const approvable: string[] = [];
    const skipped: SkippedRepair[] = [];
    for (const repair of visible) {
      const decision = decide(ctx.actor, "repair.approve", repairRef(repair));
      if (decision.allowed) approvable.push(repair.id);
      else
        skipped.push({
          repairId: repair.id,
          unitNumber: repair.unit.unitNumber,
          estimateCents: repair.estimateCents,
          code: decision.code,
          reason: decision.reason,
        });
    }
    if (input.expectedCount !== undefined && input.expectedCount !== approvable.length)
      throw new InvalidRequest(
        "WALK_CHANGED",
        `The walk changed: ${approvable.length} ${approvable.length === 1 ? "repair waits" : "repairs wait"} for your approval now, not ${input.expectedCount}. Nothing was approved.`,
      );
    const approved = approvable.length
      ? await changeRepairsStatus(tx, ctx, approvable, manualApproval(ctx, input.note))
      : [];
    return { approved: approved.map((r) => repairView(ctx.actor, r)), skipped };
  }, BULK_TRANSACTION);
}
