// The customer portal (customer users, their own company only): the fleet's history with
// photos, what waits for their approval, their settings and price list, their contact
// details. Requests and upfront estimates are repair.request and repair.estimateForUnit.
import "server-only";
import { approveRepairs, approveRepairsInput } from "~/server/services/repairs/approve-repairs";
import { denyRepairs, denyRepairsInput } from "~/server/services/repairs/deny-repairs";
import { getCustomer } from "~/server/services/customers/get-customer";
import { updateCustomerContact, updateCustomerContactInput } from "~/server/services/customers/update-customer-contact";
import { listApprovalQueue } from "~/server/services/manager/list-approval-queue";
import { listFleetHistory, listFleetHistoryInput } from "~/server/services/units/list-fleet-history";
import { listInbox } from "~/server/services/portal/list-inbox";
import { createTRPCRouter, customerProcedure } from "../trpc";

/** What a customer user may change about their company: how to reach it. */
const updatePreferencesInput = updateCustomerContactInput.pick({ contactEmail: true, phone: true });

export const portalRouter = createTRPCRouter({
  units: customerProcedure
    .input(listFleetHistoryInput.omit({ customerId: true }))
    .query(({ ctx, input }) => listFleetHistory(ctx.db, ctx, input)),
  pendingApprovals: customerProcedure.query(({ ctx }) => listApprovalQueue(ctx.db, ctx)),
  approve: customerProcedure
    .input(approveRepairsInput)
    .mutation(({ ctx, input }) => approveRepairs(ctx.db, ctx, input)),
  deny: customerProcedure.input(denyRepairsInput).mutation(({ ctx, input }) => denyRepairs(ctx.db, ctx, input)),
  settings: customerProcedure.query(({ ctx }) => getCustomer(ctx.db, ctx, {})),
  /** What staff sent with "Send to Customer". */
  inbox: customerProcedure.query(({ ctx }) => listInbox(ctx.db, ctx, {})),
  updatePreferences: customerProcedure
    .input(updatePreferencesInput)
    .mutation(({ ctx, input }) => updateCustomerContact(ctx.db, ctx, input)),
});
