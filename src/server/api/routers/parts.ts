// Parts requests: a technician asks from a repair card; the office acknowledges and fulfils.
import "server-only";
import { advancePartsRequest, advancePartsRequestInput } from "~/server/services/parts/advance-parts-request";
import {
  listPartsForRepair,
  listPartsRequests,
  listPartsRequestsInput,
  partsForRepairInput,
} from "~/server/services/parts/list-parts-requests";
import { requestParts, requestPartsInput } from "~/server/services/parts/request-parts";
import { createTRPCRouter, managerProcedure, staffProcedure } from "../trpc";

export const partsRouter = createTRPCRouter({
  request: staffProcedure.input(requestPartsInput).mutation(({ ctx, input }) => requestParts(ctx.db, ctx, input)),
  forRepair: staffProcedure
    .input(partsForRepairInput)
    .query(({ ctx, input }) => listPartsForRepair(ctx.db, ctx, input)),
  list: managerProcedure.input(listPartsRequestsInput).query(({ ctx, input }) => listPartsRequests(ctx.db, ctx, input)),
  advance: managerProcedure
    .input(advancePartsRequestInput)
    .mutation(({ ctx, input }) => advancePartsRequest(ctx.db, ctx, input)),
});
