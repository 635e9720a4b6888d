// The ranked technicians for one repair, as the actor may choose them: shared by the ranked
// list, assigning one repair, assigning many and auto-assigning a customer's request.
import "server-only";
import { type Actor, type DamageTypeName, type Ranking, assignmentRefusal, rankCandidates } from "~/domain";
import type { BusinessSettings } from "~/domain/business-settings";
import type { Db, DbTx } from "../../db";
import type { Repair } from "../../db/generated/client";
import { repairRef } from "../repairs/load-repair-for";
import { type AssignmentFacts, type JobDay, candidatesFor, siteOf } from "./assignment-facts";

/** `actor` null: the business's own rule (auto-assignment), limited only by the customer's block list and who is active. */
export async function rankRepair(
  db: Db | DbTx,
  actor: Actor | null,
  repair: Repair,
  ctx: { facts: AssignmentFacts; settings: BusinessSettings; day: JobDay; now: Date },
  explain: "all" | "top" = "all",
): Promise<Ranking> {
  const site = await siteOf(db, repair);
  const ref = repairRef(repair);
  const candidates = candidatesFor(ctx.facts, { customerId: repair.customerId, day: ctx.day }, (technicianId, t) => {
    if (technicianId === repair.technicianId) return "already assigned to them";
    return actor ? assignmentRefusal(actor, ref, { technicianId, ...t }) : null;
  });
  return rankCandidates(
    { site, damageType: repair.damageType as DamageTypeName, day: ctx.day.weekday },
    candidates,
    ctx.settings.assignmentWeights,
    ctx.now,
    { explain },
  );
}
