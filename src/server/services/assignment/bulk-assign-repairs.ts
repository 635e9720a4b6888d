// Assign many repairs in one action, all or nothing: each to its best candidate (the ranking
// counts the work this batch already gave, so it spreads), or all to one technician. One
// repair that cannot be assigned (unknown, not the actor's, blocked, nobody eligible) refuses
// the whole batch and nothing is written.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { businessToday, loadAssignmentFacts } from "../../data/assignment/assignment-facts";
import { rankRepair } from "../../data/assignment/rank-repair";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { readBusinessSettings } from "../../data/settings/business-settings";
import { assignWithReasons } from "../repairs/assign-repair";

export const BULK_ASSIGN_LIMIT = 100;

export const bulkAssignRepairsInput = z.object({
  repairIds: z.array(z.uuid()).min(1).max(BULK_ASSIGN_LIMIT),
  /** Everyone to this technician; absent: each to its best candidate. */
  technicianId: z.uuid().optional(),
});
export type BulkAssignRepairsInput = z.input<typeof bulkAssignRepairsInput>;

export type BulkAssignment = { repairId: string; technicianId: string; name: string; overrodeTopPick: boolean };

export async function bulkAssignRepairs(
  db: Db,
  ctx: ServiceContext,
  raw: BulkAssignRepairsInput,
): Promise<{ assigned: BulkAssignment[] }> {
  const input = bulkAssignRepairsInput.parse(raw);
  const ids = [...new Set(input.repairIds)].sort(); // one lock order: two batches cannot deadlock
  const assigned = await db.$transaction(
    async (tx) => {
      const repairs = [];
      for (const id of ids) repairs.push(await loadRepairFor(tx, ctx.actor, id, { lock: true }));
      const now = new Date();
      const day = businessToday(now);
      const [facts, settings] = await Promise.all([
        loadAssignmentFacts(
          tx,
          repairs.map((r) => r.customerId),
          [day.date],
        ),
        readBusinessSettings(tx),
      ]);
      const names = new Map(facts.technicians.map((t) => [t.id, t.name]));
      const out: BulkAssignment[] = [];
      for (const repair of repairs) {
        let technicianId = input.technicianId;
        let ranking;
        if (!technicianId) {
          ranking = await rankRepair(tx, ctx.actor, repair, { facts, settings, day, now }, "top");
          technicianId = ranking.ranked[0]?.technicianId;
          if (!technicianId) {
            throw new InvalidRequest(
              "NO_ELIGIBLE_TECHNICIAN",
              `Nobody you may choose can take the repair on unit ${await unitNumber(tx, repair.unitId)}: nothing was assigned.`,
            );
          }
        }
        const after = await assignWithReasons(tx, ctx, repair, technicianId, {
          facts,
          settings,
          day,
          now,
          mode: "bulk",
        });
        facts.openWork.set(technicianId, (facts.openWork.get(technicianId) ?? 0) + 1);
        const reasons = after.assignmentReasons as { overrodeTopPick?: boolean } | null;
        out.push({
          repairId: repair.id,
          technicianId,
          name: names.get(technicianId) ?? "",
          overrodeTopPick: reasons?.overrodeTopPick ?? false,
        });
      }
      return out;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { assigned };
}

async function unitNumber(tx: Parameters<typeof loadRepairFor>[0], unitId: string): Promise<string> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { unitNumber: true } });
  return unit?.unitNumber ?? unitId;
}
