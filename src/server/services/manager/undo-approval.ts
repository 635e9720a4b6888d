// "Undo" seconds after approving (one repair, a selection or a whole walk): every repair goes
// back to waiting exactly as it was before, its approval fields restored from the audit entry
// of that approval, in one transaction (all of them or none). The domain decides whether the
// approval may still be undone (the approver, within the window); the undo is audited.
import "server-only";
import { z } from "zod";
import type { Db, DbTx } from "../../db";
import type { Prisma, Repair } from "../../db/generated/client";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { BULK_TRANSACTION } from "../../data/bulk-transaction";
import { applyStatusChange } from "../../data/repairs/change-repair-status";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";
import { repairIdsInput } from "../../data/shared-inputs";

export const undoApprovalInput = z.object({ ids: repairIdsInput });
export type UndoApprovalInput = z.input<typeof undoApprovalInput>;

/** The fields an approval writes (approve-repairs.ts manualApproval, a flag it settled), put back as they were. */
const APPROVAL_FIELDS = [
  "approvalKind",
  "approvalRule",
  "approvalReason",
  "approvedById",
  "approvedAt",
  "flagResolvedAt",
  "flagResolvedById",
  "flagResolutionNote",
] as const;
type ApprovalField = (typeof APPROVAL_FIELDS)[number];

type AuditChanges = Partial<Record<string, { before: unknown; after: unknown }>>;

export async function undoApproval(db: Db, ctx: ServiceContext, raw: UndoApprovalInput): Promise<RepairView[]> {
  const input = undoApprovalInput.parse(raw);
  const now = new Date();
  const repairs = await db.$transaction(async (tx) => {
    const undone: Repair[] = [];
    // One lock order for every batch, as changeRepairsStatus does.
    for (const id of [...new Set(input.ids)].sort()) {
      const repair = await loadRepairFor(tx, ctx.actor, id, { lock: true });
      const before = await approvalBefore(tx, repair);
      undone.push(
        await applyStatusChange(tx, ctx, repair, {
          action: "unapprove",
          facts: {
            undo: {
              approval: {
                approvalKind: repair.approvalKind,
                approvedAt: repair.approvedAt,
                approvedById: repair.approvedById,
              },
              actorUserId: ctx.actor.userId,
              now,
            },
          },
          fields: () => before,
        }),
      );
    }
    return undone;
  }, BULK_TRANSACTION);
  return repairs.map((r) => repairView(ctx.actor, r));
}

/** The approval fields as they were before the repair's current approval, read from that approval's audit entry. */
async function approvalBefore(tx: DbTx, repair: Repair): Promise<Prisma.RepairUncheckedUpdateInput> {
  const entry = await tx.auditLog.findFirst({
    where: { entityType: "Repair", entityId: repair.id, action: "repair.approve" },
    orderBy: { seq: "desc" },
    select: { changes: true },
  });
  const changes = (entry?.changes ?? {}) as AuditChanges;
  const approvedAt = changes.approvedAt?.after;
  // Only the approval the repair carries now can be undone (not an older one, nor one the log does not know).
  if (
    !repair.approvedAt ||
    typeof approvedAt !== "string" ||
    new Date(approvedAt).getTime() !== repair.approvedAt.getTime()
  )
    throw new InvalidRequest("PRECONDITION_FAILED", "This approval can no longer be undone.");
  const fields: Partial<Record<ApprovalField, unknown>> = {};
  for (const field of APPROVAL_FIELDS) {
    const change = changes[field];
    if (!change) continue;
    fields[field] = field.endsWith("At") && typeof change.before === "string" ? new Date(change.before) : change.before;
  }
  return fields as Prisma.RepairUncheckedUpdateInput;
}
