// The technician begins the work on an approved or assigned repair, online or from the device's
// queue (sync.push "repair.start", with the change's client id and when it began).
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { dateInput } from "../../data/shared-inputs";
import { changeRepairStatus } from "../../data/repairs/change-repair-status";
import { applyOnce, notAfterNow } from "../../data/repairs/repair-change";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const startRepairInput = z.object({
  repairId: z.uuid(),
  /** The device's id for this change: a replay answers as the first time. */
  id: z.uuid().optional(),
  /** When the device began the work offline. */
  startedAt: dateInput.optional(),
});
export type StartRepairInput = z.input<typeof startRepairInput>;

export async function startRepair(db: Db, ctx: ServiceContext, raw: StartRepairInput): Promise<RepairView> {
  const input = startRepairInput.parse(raw);
  const change = input.id ? { id: input.id, kind: "start" as const, repairId: input.repairId } : null;
  const repair = await db.$transaction((tx) =>
    applyOnce(tx, ctx.actor, change, () =>
      changeRepairStatus(tx, ctx, input.repairId, {
        action: "start",
        fields: () => ({ startedAt: notAfterNow(input.startedAt) }),
      }),
    ),
  );
  return repairView(ctx.actor, repair);
}
