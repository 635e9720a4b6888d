// Give a repair to a technician (assign), or to another one (reassign). The domain refuses an
// inactive technician, one the customer blocked, and a manager reaching outside their team.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { applyStatusChange } from "../../data/repairs/change-repair-status";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const assignRepairInput = z.object({ repairId: z.uuid(), technicianId: z.uuid() });
export type AssignRepairInput = z.input<typeof assignRepairInput>;

export async function assignRepair(db: Db, ctx: ServiceContext, raw: AssignRepairInput): Promise<RepairView> {
  const input = assignRepairInput.parse(raw);
  const repair = await db.$transaction(async (tx) => {
    const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
    const technician = await tx.technician.findUnique({
      where: { id: input.technicianId },
      select: {
        id: true,
        isActive: true,
        user: { select: { isActive: true } },
        blockedBy: { where: { id: repair.customerId }, select: { id: true } },
      },
    });
    if (!technician) throw new NotFound("Technician");
    const assignee = {
      technicianId: technician.id,
      isActive: technician.isActive && technician.user.isActive,
      blockedByCustomer: technician.blockedBy.length > 0,
    };
    return applyStatusChange(tx, ctx, repair, {
      action: repair.status === "ASSIGNED" ? "reassign" : "assign",
      facts: { assignee },
      fields: () => ({ technicianId: technician.id }),
    });
  });
  return repairView(ctx.actor, repair);
}
