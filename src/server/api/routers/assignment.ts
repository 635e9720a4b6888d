// Smart assignment for the office: ranked technicians with reasons for a repair or a walk, and
// assigning many repairs at once.
import "server-only";
import { bulkAssignRepairs, bulkAssignRepairsInput } from "~/server/services/assignment/bulk-assign-repairs";
import { rankForRepair, rankForRepairInput } from "~/server/services/assignment/rank-for-repair";
import { rankForWalk, rankForWalkInput } from "~/server/services/assignment/rank-for-walk";
import { createTRPCRouter, managerProcedure } from "../trpc";

export const assignmentRouter = createTRPCRouter({
  rankForRepair: managerProcedure
    .input(rankForRepairInput)
    .query(({ ctx, input }) => rankForRepair(ctx.db, ctx, input)),
  rankForWalk: managerProcedure.input(rankForWalkInput).query(({ ctx, input }) => rankForWalk(ctx.db, ctx, input)),
  bulkAssign: managerProcedure
    .input(bulkAssignRepairsInput)
    .mutation(({ ctx, input }) => bulkAssignRepairs(ctx.db, ctx, input)),
});
