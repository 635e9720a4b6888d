// The ranked technicians for a planned walk (its customer's site, on its day): a manager sees
// only their team as choices, an admin everyone; blocked and inactive technicians apart.
import "server-only";
import { z } from "zod";
import { type Ranking, decide, overseenTechnicianIds, rankCandidates } from "~/domain";
import type { Db, DbTx } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import {
  businessToday,
  candidatesFor,
  jobDay,
  loadAssignmentFacts,
  siteOf,
} from "../../data/assignment/assignment-facts";
import { readBusinessSettings } from "../../data/settings/business-settings";

export const rankForWalkInput = z.object({ walkId: z.uuid() });
export type RankForWalkInput = z.input<typeof rankForWalkInput>;

export async function rankForWalk(db: Db, ctx: ServiceContext, raw: RankForWalkInput): Promise<Ranking> {
  const input = rankForWalkInput.parse(raw);
  const walk = await db.lotWalk.findUnique({
    where: { id: input.walkId },
    select: { customerId: true, technicianId: true, siteId: true, scheduledFor: true },
  });
  if (!walk || !decide(ctx.actor, "walk.view", walk).allowed) throw new NotFound("Walk");
  return rankWalk(db, ctx, walk, new Date());
}

type WalkToRank = { customerId: string; technicianId: string | null; siteId: string | null; scheduledFor: Date | null };

/** Everyone the actor may give the walk to, scored at its site on its day (assignWalk stores the chosen one's). */
export async function rankWalk(db: Db | DbTx, ctx: ServiceContext, walk: WalkToRank, now: Date): Promise<Ranking> {
  const day = walk.scheduledFor ? jobDay(walk.scheduledFor.toISOString().slice(0, 10)) : businessToday(now);
  const [facts, settings, site] = await Promise.all([
    loadAssignmentFacts(db, [walk.customerId], [day.date]),
    readBusinessSettings(db),
    siteOf(db, walk),
  ]);
  const team = overseenTechnicianIds(ctx.actor);
  const candidates = candidatesFor(facts, { customerId: walk.customerId, day }, (technicianId) => {
    if (technicianId === walk.technicianId) return "already assigned to them";
    return team === "all" || team.has(technicianId) ? null : "outside your team";
  });
  return rankCandidates({ site, damageType: null, day: day.weekday }, candidates, settings.assignmentWeights, now);
}
