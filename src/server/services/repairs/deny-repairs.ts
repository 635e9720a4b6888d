// Deny one or many pending repairs with a reason, all or none. A denial is final: the
// transition table lets nobody restart it.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { reasonInput, repairIdsInput } from "../../data/shared-inputs";
import { changeRepairsStatus } from "../../data/repairs/change-repair-status";
import { BULK_TRANSACTION } from "../../data/bulk-transaction";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const denyRepairsInput = z.object({ ids: repairIdsInput, reason: reasonInput });
export type DenyRepairsInput = z.input<typeof denyRepairsInput>;

export async function denyRepairs(db: Db, ctx: ServiceContext, raw: DenyRepairsInput): Promise<RepairView[]> {
  const input = denyRepairsInput.parse(raw);
  const deniedAt = new Date();
  const repairs = await db.$transaction(
    (tx) =>
      changeRepairsStatus(tx, ctx, input.ids, {
        action: "deny",
        facts: { reason: input.reason },
        fields: () => ({ deniedById: ctx.actor.userId, deniedAt, denialReason: input.reason.trim() }),
      }),
    BULK_TRANSACTION,
  );
  return repairs.map((r) => repairView(ctx.actor, r));
}
