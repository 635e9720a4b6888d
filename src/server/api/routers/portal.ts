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
import { checkPortalChanges, checkPortalChangesInput } from "~/server/services/portal/check-portal-changes";
import { listCustomerWalks } from "~/server/services/portal/list-customer-walks";
import { requestWalk, requestWalkInput } from "~/server/services/portal/request-walk";
import { cancelWalkRequest, cancelWalkRequestInput } from "~/server/services/portal/cancel-walk-request";
import { createUnit, createUnitInput } from "~/server/services/units/create-unit";
import { updateUnit, updateUnitInput } from "~/server/services/units/update-unit";
import { importUnitsCsv, importUnitsCsvInput } from "~/server/services/units/import-units-csv";
import {
  reportWindshieldReplaced,
  reportWindshieldReplacedInput,
} from "~/server/services/units/report-windshield-replaced";
import { listWindshieldReports } from "~/server/services/units/list-windshield-reports";
import type { ServiceContext } from "~/server/service-context";
import { createTRPCRouter, customerProcedure } from "../trpc";

/** The customer user's own company: the portal never takes a customer id from the client. */
const ownCustomer = (ctx: ServiceContext) => ctx.actor.customerId ?? "";

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
  /** Live status: polled while /portal is open; the lists are fetched again only when the cursor moves. */
  changes: customerProcedure
    .input(checkPortalChangesInput)
    .query(({ ctx, input }) => checkPortalChanges(ctx.db, ctx, input)),
  walks: customerProcedure.query(({ ctx }) => listCustomerWalks(ctx.db, ctx)),
  requestWalk: customerProcedure.input(requestWalkInput).mutation(({ ctx, input }) => requestWalk(ctx.db, ctx, input)),
  cancelWalkRequest: customerProcedure
    .input(cancelWalkRequestInput)
    .mutation(({ ctx, input }) => cancelWalkRequest(ctx.db, ctx, input)),
  createUnit: customerProcedure
    .input(createUnitInput.omit({ customerId: true }))
    .mutation(({ ctx, input }) => createUnit(ctx.db, ctx, { ...input, customerId: ownCustomer(ctx) })),
  updateUnit: customerProcedure.input(updateUnitInput).mutation(({ ctx, input }) => updateUnit(ctx.db, ctx, input)),
  importUnitsCsv: customerProcedure
    .input(importUnitsCsvInput.omit({ customerId: true }))
    .mutation(({ ctx, input }) => importUnitsCsv(ctx.db, ctx, { ...input, customerId: ownCustomer(ctx) })),
  reportWindshield: customerProcedure
    .input(reportWindshieldReplacedInput)
    .mutation(({ ctx, input }) => reportWindshieldReplaced(ctx.db, ctx, input)),
  windshieldReports: customerProcedure.query(({ ctx }) => listWindshieldReports(ctx.db, ctx, { pendingOnly: false })),
});
