// Withdraw a repair nobody has done, with a reason. Who may cancel from which status is the
// transition table's call (a customer only before anyone committed to the work).
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../context";
import { reasonInput } from "../shared-inputs";
import { changeRepairStatus } from "./change-repair-status";
import { type RepairView, repairView } from "./repair-view";

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
