// Repairs: each procedure names the actor kinds it is for, parses its input and calls one
// service; finer rules (own company, team, limits, allowed transitions) are the domain's.
import "server-only";
import { approveRepairs, approveRepairsInput } from "~/server/services/repairs/approve-repairs";
import { assignRepair, assignRepairInput } from "~/server/services/repairs/assign-repair";
import { cancelRepair, cancelRepairInput } from "~/server/services/repairs/cancel-repair";
import { captureRepair, captureRepairInput } from "~/server/services/repairs/capture-repair";
import { completeRepair, completeRepairInput } from "~/server/services/repairs/complete-repair";
import { denyRepairs, denyRepairsInput } from "~/server/services/repairs/deny-repairs";
import { getRepair, getRepairInput } from "~/server/services/repairs/get-repair";
import { listRepairs, listRepairsInput } from "~/server/services/repairs/list-repairs";
import { overridePrice, overridePriceInput } from "~/server/services/repairs/override-price";
import { requestRepair, requestRepairInput } from "~/server/services/repairs/request-repair";
import { startRepair, startRepairInput } from "~/server/services/repairs/start-repair";
import { estimateForUnit, estimateForUnitInput } from "~/server/services/pricing/estimate-for-unit";
import { claimRepair, claimRepairInput } from "~/server/services/repairs/claim-repair";
import { createFollowUp, createFollowUpInput } from "~/server/services/repairs/create-follow-up";
import { markUrgent, markUrgentInput } from "~/server/services/repairs/mark-urgent";
import { sendToCustomer, sendToCustomerInput } from "~/server/services/repairs/send-to-customer";
import { createTRPCRouter, managerProcedure, procedureFor, signedInProcedure, staffProcedure } from "../trpc";

/** Those who may decide on a pending repair or withdraw one. */
const deciderProcedure = procedureFor("manager", "admin", "customer");

export const repairRouter = createTRPCRouter({
  capture: staffProcedure.input(captureRepairInput).mutation(({ ctx, input }) => captureRepair(ctx.db, ctx, input)),
  request: procedureFor("customer", "admin")
    .input(requestRepairInput)
    .mutation(({ ctx, input }) => requestRepair(ctx.db, ctx, input)),
  estimateForUnit: signedInProcedure
    .input(estimateForUnitInput)
    .query(({ ctx, input }) => estimateForUnit(ctx.db, ctx, input)),
  assign: managerProcedure.input(assignRepairInput).mutation(({ ctx, input }) => assignRepair(ctx.db, ctx, input)),
  approve: deciderProcedure.input(approveRepairsInput).mutation(({ ctx, input }) => approveRepairs(ctx.db, ctx, input)),
  deny: deciderProcedure.input(denyRepairsInput).mutation(({ ctx, input }) => denyRepairs(ctx.db, ctx, input)),
  start: staffProcedure.input(startRepairInput).mutation(({ ctx, input }) => startRepair(ctx.db, ctx, input)),
  complete: staffProcedure.input(completeRepairInput).mutation(({ ctx, input }) => completeRepair(ctx.db, ctx, input)),
  overridePrice: managerProcedure
    .input(overridePriceInput)
    .mutation(({ ctx, input }) => overridePrice(ctx.db, ctx, input)),
  cancel: deciderProcedure.input(cancelRepairInput).mutation(({ ctx, input }) => cancelRepair(ctx.db, ctx, input)),
  list: signedInProcedure.input(listRepairsInput).query(({ ctx, input }) => listRepairs(ctx.db, ctx, input)),
  // Quick actions on a repair card (the phone and the manager's tablet).
  claim: procedureFor("technician", "manager")
    .input(claimRepairInput)
    .mutation(({ ctx, input }) => claimRepair(ctx.db, ctx, input)),
  markUrgent: staffProcedure.input(markUrgentInput).mutation(({ ctx, input }) => markUrgent(ctx.db, ctx, input)),
  sendToCustomer: staffProcedure
    .input(sendToCustomerInput)
    .mutation(({ ctx, input }) => sendToCustomer(ctx.db, ctx, input)),
  createFollowUp: staffProcedure
    .input(createFollowUpInput)
    .mutation(({ ctx, input }) => createFollowUp(ctx.db, ctx, input)),
  byId: signedInProcedure.input(getRepairInput).query(({ ctx, input }) => getRepair(ctx.db, ctx, input)),
});
