// Units of a customer's fleet.
import "server-only";
import { listFleet, listFleetInput } from "~/server/services/units/list-fleet";
import { listUnitRepairs, listUnitRepairsInput } from "~/server/services/units/list-unit-repairs";
import { listUnitsForCustomer, listUnitsForCustomerInput } from "~/server/services/units/list-units-for-customer";
import { markWindshieldReplaced, markWindshieldReplacedInput } from "~/server/services/units/mark-windshield-replaced";
import { listWindshieldReports, listWindshieldReportsInput } from "~/server/services/units/list-windshield-reports";
import { decideWindshieldReport, decideWindshieldReportInput } from "~/server/services/units/decide-windshield-report";
import { createTRPCRouter, managerProcedure, signedInProcedure } from "../trpc";

export const unitRouter = createTRPCRouter({
  markWindshieldReplaced: managerProcedure
    .input(markWindshieldReplacedInput)
    .mutation(({ ctx, input }) => markWindshieldReplaced(ctx.db, ctx, input)),
  /** Windshield replacements customers reported; confirming one restarts the unit's pricing history. */
  windshieldReports: managerProcedure
    .input(listWindshieldReportsInput)
    .query(({ ctx, input }) => listWindshieldReports(ctx.db, ctx, input)),
  decideWindshieldReport: managerProcedure
    .input(decideWindshieldReportInput)
    .mutation(({ ctx, input }) => decideWindshieldReport(ctx.db, ctx, input)),
  /** The fleet without each unit's history: what pickers, fleet editors and the admin's Units tab read. */
  fleet: signedInProcedure.input(listFleetInput).query(({ ctx, input }) => listFleet(ctx.db, ctx, input)),
  listForCustomer: signedInProcedure
    .input(listUnitsForCustomerInput)
    .query(({ ctx, input }) => listUnitsForCustomer(ctx.db, ctx, input)),
  /** One unit's repairs, newest first, with photos and voice notes (the admin's Units tab). */
  repairs: managerProcedure.input(listUnitRepairsInput).query(({ ctx, input }) => listUnitRepairs(ctx.db, ctx, input)),
});
