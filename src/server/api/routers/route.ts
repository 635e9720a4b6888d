// A technician's day in driving order.
import "server-only";
import { getTechnicianDay, getTechnicianDayInput } from "~/server/services/route/get-technician-day";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const routeRouter = createTRPCRouter({
  day: staffProcedure.input(getTechnicianDayInput).query(({ ctx, input }) => getTechnicianDay(ctx.db, ctx, input)),
});
