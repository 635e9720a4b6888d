// Deny one or many pending repairs with a reason, all or none. A denial is final: the
// transition table lets nobody restart it.
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../context";
import { reasonInput, repairIdsInput } from "../shared-inputs";
import { changeRepairsStatus } from "./change-repair-status";
import { type RepairView, repairView } from "./repair-view";

export const denyRepairsInput = z.object({ ids: repairIdsInput, reason: reasonInput });
export type DenyRepairsInput = z.input<typeof denyRepairsInput>;

export async function denyRepairs(db: Db, ctx: ServiceContext, raw: DenyRepairsInput): Promise<RepairView[]> {
  const input = denyRepairsInput.parse(raw);
  const deniedAt = new Date();
  const repairs = await db.$transaction((tx) =>
    changeRepairsStatus(tx, ctx, input.ids, {
      action: "deny",
      facts: { reason: input.reason },
      fields: () => ({ deniedById: ctx.actor.userId, deniedAt, denialReason: input.reason.trim() }),
    }),
  );
  return repairs.map((r) => repairView(ctx.actor, r));
}
