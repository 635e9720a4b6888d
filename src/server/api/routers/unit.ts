// Units of a customer's fleet.
import "server-only";
import { listUnitsForCustomer, listUnitsForCustomerInput } from "~/server/services/units/list-units-for-customer";
import { markWindshieldReplaced, markWindshieldReplacedInput } from "~/server/services/units/mark-windshield-replaced";
import { createTRPCRouter, managerProcedure, signedInProcedure } from "../trpc";

export const unitRouter = createTRPCRouter({
  markWindshieldReplaced: managerProcedure
    .input(markWindshieldReplacedInput)
    .mutation(({ ctx, input }) => markWindshieldReplaced(ctx.db, ctx, input)),
  listForCustomer: signedInProcedure
    .input(listUnitsForCustomerInput)
    .query(({ ctx, input }) => listUnitsForCustomer(ctx.db, ctx, input)),
});
