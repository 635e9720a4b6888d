// Planning lot walks (managers and admins): the week view, one-off walks, moving, cancelling and
// (re)assigning walks, generating the walks of every schedule now; customers' sites (read by
// the office, edited by admins).
import "server-only";
import { assertAllowed } from "~/domain";
import { generateScheduledWalks } from "~/server/services/planning/generate-scheduled-walks";
import { listSites, listSitesInput } from "~/server/services/planning/list-sites";
import {
  assignWalk,
  assignWalkInput,
  cancelWalk,
  cancelWalkInput,
  createOneOffWalk,
  createOneOffWalkInput,
  moveWalk,
  moveWalkInput,
} from "~/server/services/planning/plan-walks";
import { saveSite, saveSiteInput } from "~/server/services/planning/save-site";
import { weekOfWalks, weekOfWalksInput } from "~/server/services/planning/week-of-walks";
import { adminProcedure, createTRPCRouter, managerProcedure } from "../trpc";

export const scheduleRouter = createTRPCRouter({
  week: managerProcedure.input(weekOfWalksInput).query(({ ctx, input }) => weekOfWalks(ctx.db, ctx, input)),
  createWalk: managerProcedure
    .input(createOneOffWalkInput)
    .mutation(({ ctx, input }) => createOneOffWalk(ctx.db, ctx, input)),
  moveWalk: managerProcedure.input(moveWalkInput).mutation(({ ctx, input }) => moveWalk(ctx.db, ctx, input)),
  cancelWalk: managerProcedure.input(cancelWalkInput).mutation(({ ctx, input }) => cancelWalk(ctx.db, ctx, input)),
  assignWalk: managerProcedure.input(assignWalkInput).mutation(({ ctx, input }) => assignWalk(ctx.db, ctx, input)),
  generateNow: managerProcedure.mutation(({ ctx }) => {
    assertAllowed(ctx.actor, "walk.generate", null);
    return generateScheduledWalks(ctx.db, { ctx });
  }),
  sites: managerProcedure.input(listSitesInput).query(({ ctx, input }) => listSites(ctx.db, ctx, input)),
  saveSite: adminProcedure.input(saveSiteInput).mutation(({ ctx, input }) => saveSite(ctx.db, ctx, input)),
});
