// Approve one or many pending repairs at once (a customer going through a walk's findings):
// all are approved or none. Approval is a fact on the repair: who, when, manual, by which role.
import "server-only";
import { z } from "zod";
import { actorKind } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { reasonInput, repairIdsInput } from "../../data/shared-inputs";
import { type StatusChange, changeRepairsStatus } from "../../data/repairs/change-repair-status";
import { BULK_TRANSACTION } from "../../data/bulk-transaction";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const approveRepairsInput = z.object({ ids: repairIdsInput, note: reasonInput.optional() });
export type ApproveRepairsInput = z.input<typeof approveRepairsInput>;

export async function approveRepairs(db: Db, ctx: ServiceContext, raw: ApproveRepairsInput): Promise<RepairView[]> {
  const input = approveRepairsInput.parse(raw);
  const repairs = await db.$transaction(
    (tx) => changeRepairsStatus(tx, ctx, input.ids, manualApproval(ctx, input.note)),
    BULK_TRANSACTION,
  );
  return repairs.map((r) => repairView(ctx.actor, r));
}

/** The approval fact written by a person (customer, manager, admin), with their note. */
export function manualApproval(ctx: ServiceContext, note: string | undefined): StatusChange {
  const approvedAt = new Date();
  return {
    action: "approve",
    fields: () => ({
      approvalKind: "MANUAL",
      approvalRule: `BY_${actorKind(ctx.actor).toUpperCase()}`,
      approvalReason: note?.trim() || null,
      approvedById: ctx.actor.userId,
      approvedAt,
    }),
  };
}
