// A manager settles a sync flag with a note saying what was done about it. The flag's reason
// stays on the repair as history; who settled it, when and how is recorded and audited.
import "server-only";
import { z } from "zod";
import { assertAllowed, assertFlagResolvable } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { reasonInput } from "../../data/shared-inputs";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const resolveFlagInput = z.object({ repairId: z.uuid(), note: reasonInput });
export type ResolveFlagInput = z.input<typeof resolveFlagInput>;

export async function resolveFlag(db: Db, ctx: ServiceContext, raw: ResolveFlagInput): Promise<RepairView> {
  const input = resolveFlagInput.parse(raw);
  const repair = await db.$transaction(async (tx) => {
    const before = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
    assertAllowed(ctx.actor, "repair.resolveFlag", repairRef(before));
    assertFlagResolvable(before, input.note);
    const after = await tx.repair.update({
      where: { id: before.id },
      data: { flagResolvedAt: new Date(), flagResolvedById: ctx.actor.userId, flagResolutionNote: input.note.trim() },
    });
    await auditChange(tx, ctx, {
      action: "repair.resolveFlag",
      entityType: "Repair",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
  return repairView(ctx.actor, repair);
}
