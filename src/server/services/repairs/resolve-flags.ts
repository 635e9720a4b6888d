// A manager settles several sync flags at once with one note (the same check and audit as one
// flag, resolve-flag.ts), in one transaction: all of them or none.
import "server-only";
import { z } from "zod";
import { assertAllowed, assertFlagResolvable } from "~/domain";
import type { Db } from "../../db";
import type { Repair } from "../../db/generated/client";
import { auditChanges } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { BULK_TRANSACTION } from "../../data/bulk-transaction";
import { reasonInput, repairIdsInput } from "../../data/shared-inputs";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";

export const resolveFlagsInput = z.object({ repairIds: repairIdsInput, note: reasonInput });
export type ResolveFlagsInput = z.input<typeof resolveFlagsInput>;

export async function resolveFlags(db: Db, ctx: ServiceContext, raw: ResolveFlagsInput): Promise<RepairView[]> {
  const input = resolveFlagsInput.parse(raw);
  const note = input.note.trim();
  const repairs = await db.$transaction(async (tx) => {
    const settled: { before: Repair; after: Repair }[] = [];
    const resolvedAt = new Date();
    // One lock order for every batch, so two managers' batches cannot deadlock.
    for (const id of [...new Set(input.repairIds)].sort()) {
      const before = await loadRepairFor(tx, ctx.actor, id, { lock: true });
      assertAllowed(ctx.actor, "repair.resolveFlag", repairRef(before));
      assertFlagResolvable(before, note);
      const after = await tx.repair.update({
        where: { id },
        data: { flagResolvedAt: resolvedAt, flagResolvedById: ctx.actor.userId, flagResolutionNote: note },
      });
      settled.push({ before, after });
    }
    await auditChanges(
      tx,
      ctx,
      settled.map(({ before, after }) => ({
        action: "repair.resolveFlag",
        entityType: "Repair",
        entityId: before.id,
        before,
        after,
      })),
    );
    return settled.map((s) => s.after);
  }, BULK_TRANSACTION);
  return repairs.map((r) => repairView(ctx.actor, r));
}
