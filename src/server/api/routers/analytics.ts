// Analytics: the dashboard of the actor's scope (admin: the business, or one customer; manager:
// their team; customer user: their own fleet), and the admin's cost settings for the margin.
import "server-only";
import { dashboardInput } from "~/server/data/analytics/period-input";
import { getDashboard } from "~/server/services/analytics/get-dashboard";
import { atRiskInput, listAtRisk } from "~/server/services/analytics/list-at-risk";
import { backtestFigures } from "~/server/services/analytics/backtest-figures";
import {
  getCostSettings,
  updateCostSettings,
  updateCostSettingsInput,
} from "~/server/services/analytics/cost-settings";
import { adminProcedure, createTRPCRouter, procedureFor } from "../trpc";

const analyticsProcedure = procedureFor("manager", "admin", "customer");

export const analyticsRouter = createTRPCRouter({
  dashboard: analyticsProcedure.input(dashboardInput).query(({ ctx, input }) => getDashboard(ctx.db, ctx, input)),
  atRisk: analyticsProcedure.input(atRiskInput).query(({ ctx, input }) => listAtRisk(ctx.db, ctx, input)),
  accuracy: analyticsProcedure.query(() => backtestFigures()),
  costs: adminProcedure.query(({ ctx }) => getCostSettings(ctx.db, ctx)),
  updateCosts: adminProcedure
    .input(updateCostSettingsInput)
    .mutation(({ ctx, input }) => updateCostSettings(ctx.db, ctx, input)),
});
