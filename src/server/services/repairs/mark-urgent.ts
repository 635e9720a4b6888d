// "Mark as Urgent": a priority the manager's queues and assignment lists sort by (urgent first).
// Online, or from the device's queue (sync.push "repair.markUrgent", with the change's client id:
// a replay answers with the repair as it stands, even when someone changed the mark since).
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { applyOnce } from "../../data/repairs/repair-change";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const markUrgentInput = z.object({
  repairId: z.uuid(),
  urgent: z.boolean().default(true),
  /** The device's id for this change: a replay answers as the first time. */
  id: z.uuid().optional(),
});
export type MarkUrgentInput = z.input<typeof markUrgentInput>;

export async function markUrgent(db: Db, ctx: ServiceContext, raw: MarkUrgentInput): Promise<RepairView> {
  const input = markUrgentInput.parse(raw);
  const change = input.id ? { id: input.id, kind: "markUrgent" as const, repairId: input.repairId } : null;
  const repair = await db.$transaction((tx) =>
    applyOnce(tx, ctx.actor, change, async () => {
      const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
      assertAllowed(ctx.actor, "repair.markUrgent", repairRef(repair));
      if (repair.urgent === input.urgent) return repair;
      const after = await tx.repair.update({
        where: { id: repair.id },
        data: input.urgent
          ? { urgent: true, urgentAt: new Date(), urgentById: ctx.actor.userId }
          : { urgent: false, urgentAt: null, urgentById: null },
      });
      await auditChange(tx, ctx, {
        action: input.urgent ? "repair.markUrgent" : "repair.clearUrgent",
        entityType: "Repair",
        entityId: repair.id,
        before: repair,
        after,
      });
      return after;
    }),
  );
  return repairView(ctx.actor, repair);
}
