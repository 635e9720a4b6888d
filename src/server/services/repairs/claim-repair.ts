// "Assign to Me": a technician takes unassigned work at a customer that has not blocked them.
// The transition table admits the move, the domain's claim rule decides who may take it.
import "server-only";
import { z } from "zod";
import { actorKind, decide } from "~/domain/index";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { applyStatusChange } from "../../data/repairs/change-repair-status";
import { repairRef } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const claimRepairInput = z.object({ repairId: z.uuid() });
export type ClaimRepairInput = z.input<typeof claimRepairInput>;

export async function claimRepair(db: Db, ctx: ServiceContext, raw: ClaimRepairInput): Promise<RepairView> {
  const input = claimRepairInput.parse(raw);
  const me = ctx.actor.technician;
  const repair = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Repair" WHERE id = ${input.repairId}::uuid FOR UPDATE`;
    const repair = await tx.repair.findUnique({ where: { id: input.repairId } });
    // Unassigned work is open to any technician to take; someone else's stays "not found".
    if (!repair || (repair.technicianId !== null && !decide(ctx.actor, "repair.view", repairRef(repair)).allowed)) {
      throw new NotFound("Repair");
    }
    const blocked =
      me && actorKind(ctx.actor) !== "admin"
        ? (await tx.customer.count({
            where: { id: repair.customerId, blockedTechnicians: { some: { id: me.id } } },
          })) > 0
        : false;
    return applyStatusChange(tx, ctx, repair, {
      action: "claim",
      facts: { assignee: { technicianId: me?.id ?? "", isActive: me?.isActive ?? false, blockedByCustomer: blocked } },
      fields: () => ({ technicianId: me!.id }),
    });
  });
  return repairView(ctx.actor, repair);
}
