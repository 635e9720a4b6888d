// Withdraw a repair nobody has done, with a reason. Who may cancel from which status is the
// transition table's call (a customer only before anyone committed to the work).
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { reasonInput } from "../../data/shared-inputs";
import { changeRepairStatus } from "../../data/repairs/change-repair-status";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const cancelRepairInput = z.object({ repairId: z.uuid(), reason: reasonInput });
export type CancelRepairInput = z.input<typeof cancelRepairInput>;

export async function cancelRepair(db: Db, ctx: ServiceContext, raw: CancelRepairInput): Promise<RepairView> {
  const input = cancelRepairInput.parse(raw);
  const repair = await db.$transaction((tx) =>
    changeRepairStatus(tx, ctx, input.repairId, {
      action: "cancel",
      facts: { reason: input.reason },
      fields: () => ({ cancelledById: ctx.actor.userId, cancelledAt: new Date(), cancelReason: input.reason.trim() }),
    }),
  );
  return repairView(ctx.actor, repair);
}
