// The manager's tablet (managers and admins): approvals, unassigned work, the team board and
// sync flags, and a cheap poll that says when any of them changed.
import "server-only";
import { approveWalk, approveWalkInput } from "~/server/services/manager/approve-walk";
import { checkQueueChanges, checkQueueChangesInput } from "~/server/services/manager/check-queue-changes";
import { listQueue, listQueueGroup, queueGroupInput, queueInput } from "~/server/services/manager/list-queue";
import { undoApproval, undoApprovalInput } from "~/server/services/manager/undo-approval";
import { listApprovalQueue } from "~/server/services/manager/list-approval-queue";
import {
  listAssignableTechnicians,
  listAssignableTechniciansInput,
} from "~/server/services/manager/list-assignable-technicians";
import { listFlaggedRepairs } from "~/server/services/manager/list-flagged-repairs";
import { listRequestsWaiting } from "~/server/services/manager/list-requests-waiting";
import { summarizeTeam } from "~/server/services/manager/summarize-team";
import { resolveFlag, resolveFlagInput } from "~/server/services/repairs/resolve-flag";
import { resolveFlags, resolveFlagsInput } from "~/server/services/repairs/resolve-flags";
import { createTRPCRouter, managerProcedure } from "../trpc";

export const managerRouter = createTRPCRouter({
  approvalQueue: managerProcedure.query(({ ctx }) => listApprovalQueue(ctx.db, ctx)),
  queue: managerProcedure.input(queueInput).query(({ ctx, input }) => listQueue(ctx.db, ctx, input)),
  /** More of one group of the queue than its page shows (a walk of hundreds of finds). */
  queueGroup: managerProcedure.input(queueGroupInput).query(({ ctx, input }) => listQueueGroup(ctx.db, ctx, input)),
  undoApproval: managerProcedure
    .input(undoApprovalInput)
    .mutation(({ ctx, input }) => undoApproval(ctx.db, ctx, input)),
  approveWalk: managerProcedure.input(approveWalkInput).mutation(({ ctx, input }) => approveWalk(ctx.db, ctx, input)),
  requestsWaiting: managerProcedure.query(({ ctx }) => listRequestsWaiting(ctx.db, ctx)),
  assignableTechnicians: managerProcedure
    .input(listAssignableTechniciansInput)
    .query(({ ctx, input }) => listAssignableTechnicians(ctx.db, ctx, input)),
  team: managerProcedure.query(({ ctx }) => summarizeTeam(ctx.db, ctx)),
  flagged: managerProcedure.query(({ ctx }) => listFlaggedRepairs(ctx.db, ctx)),
  resolveFlag: managerProcedure.input(resolveFlagInput).mutation(({ ctx, input }) => resolveFlag(ctx.db, ctx, input)),
  resolveFlags: managerProcedure
    .input(resolveFlagsInput)
    .mutation(({ ctx, input }) => resolveFlags(ctx.db, ctx, input)),
  changesSince: managerProcedure
    .input(checkQueueChangesInput)
    .query(({ ctx, input }) => checkQueueChanges(ctx.db, ctx, input)),
});
