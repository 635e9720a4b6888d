// Give a repair to a technician (assign), or to another one (reassign): the recommendation or
// anyone else eligible. The domain refuses an inactive technician, one the customer blocked,
// and a manager reaching outside their team. Why they were chosen (their factors, and whether
// the top pick was overridden) is stored on the repair and audited with it.
import "server-only";
import { z } from "zod";
import { type Ranking, assignmentReasons } from "~/domain";
import type { Db, DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import {
  type AssignmentFacts,
  type JobDay,
  businessToday,
  loadAssignmentFacts,
} from "../../data/assignment/assignment-facts";
import { rankRepair } from "../../data/assignment/rank-repair";
import { applyStatusChange } from "../../data/repairs/change-repair-status";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { type RepairView, repairView } from "../../data/repairs/repair-view";
import { readBusinessSettings } from "../../data/settings/business-settings";
import type { BusinessSettings } from "~/domain/business-settings";

export const assignRepairInput = z.object({ repairId: z.uuid(), technicianId: z.uuid() });
export type AssignRepairInput = z.input<typeof assignRepairInput>;

export async function assignRepair(db: Db, ctx: ServiceContext, raw: AssignRepairInput): Promise<RepairView> {
  const input = assignRepairInput.parse(raw);
  const repair = await db.$transaction(async (tx) => {
    const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: true });
    const now = new Date();
    const day = businessToday(now);
    const [facts, settings] = await Promise.all([
      loadAssignmentFacts(tx, [repair.customerId], [day.date]),
      readBusinessSettings(tx),
    ]);
    return assignWithReasons(tx, ctx, repair, input.technicianId, { facts, settings, day, now, mode: "manual" });
  });
  return repairView(ctx.actor, repair);
}

export type AssignContext = {
  facts: AssignmentFacts;
  settings: BusinessSettings;
  day: JobDay;
  now: Date;
  mode: "manual" | "bulk";
  /** Already ranked for this repair (choosing the best for each of many): not ranked again. */
  ranking?: Ranking;
};

/** `repair` locked in `tx`. The transition table and permissions decide; the reasons ride along. */
export async function assignWithReasons(
  tx: DbTx,
  ctx: ServiceContext,
  repair: Repair,
  technicianId: string,
  assign: AssignContext,
): Promise<Repair> {
  const technician = await tx.technician.findUnique({
    where: { id: technicianId },
    select: {
      id: true,
      isActive: true,
      user: { select: { isActive: true } },
      blockedBy: { where: { id: repair.customerId }, select: { id: true } },
    },
  });
  if (!technician) throw new NotFound("Technician");
  const assignee = {
    technicianId: technician.id,
    isActive: technician.isActive && technician.user.isActive,
    blockedByCustomer: technician.blockedBy.length > 0,
  };
  return applyStatusChange(tx, ctx, repair, {
    action: repair.status === "ASSIGNED" ? "reassign" : "assign",
    facts: { assignee },
    fields: async () => {
      const ranking = assign.ranking ?? (await rankRepair(tx, ctx.actor, repair, assign));
      return {
        technicianId: technician.id,
        assignmentReasons: assignmentReasons(ranking, technician.id, assign.mode, assign.now),
      };
    },
  });
}
