// The technician begins the work on an approved or assigned repair.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { changeRepairStatus } from "../../data/repairs/change-repair-status";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const startRepairInput = z.object({ repairId: z.uuid() });
export type StartRepairInput = z.input<typeof startRepairInput>;

export async function startRepair(db: Db, ctx: ServiceContext, raw: StartRepairInput): Promise<RepairView> {
  const input = startRepairInput.parse(raw);
  const repair = await db.$transaction((tx) =>
    changeRepairStatus(tx, ctx, input.repairId, { action: "start", fields: () => ({ startedAt: new Date() }) }),
  );
  return repairView(ctx.actor, repair);
}
