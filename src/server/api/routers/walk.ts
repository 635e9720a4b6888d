// Lot walks.
import "server-only";
import { startWalk, startWalkInput } from "~/server/services/walks/start-walk";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const walkRouter = createTRPCRouter({
  start: staffProcedure.input(startWalkInput).mutation(({ ctx, input }) => startWalk(ctx.db, ctx, input)),
});
