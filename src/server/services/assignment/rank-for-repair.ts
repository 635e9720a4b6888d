// The manager's ranked list for one repair: every technician they may give it to, best first,
// each factor's contribution in words; the others apart with why.
import "server-only";
import { z } from "zod";
import type { Ranking } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { businessToday, loadAssignmentFacts } from "../../data/assignment/assignment-facts";
import { rankRepair } from "../../data/assignment/rank-repair";
import { loadRepairFor } from "../../data/repairs/load-repair-for";
import { readBusinessSettings } from "../../data/settings/business-settings";

export const rankForRepairInput = z.object({ repairId: z.uuid() });
export type RankForRepairInput = z.input<typeof rankForRepairInput>;

export async function rankForRepair(db: Db, ctx: ServiceContext, raw: RankForRepairInput): Promise<Ranking> {
  const input = rankForRepairInput.parse(raw);
  const repair = await loadRepairFor(db, ctx.actor, input.repairId, { lock: false });
  const now = new Date();
  const day = businessToday(now);
  const [facts, settings] = await Promise.all([
    loadAssignmentFacts(db, [repair.customerId], [day.date]),
    readBusinessSettings(db),
  ]);
  return rankRepair(db, ctx.actor, repair, { facts, settings, day, now });
}
