// Rewards and referrals: the admin's figures and points check, a customer's ledger (the admin's
// customer page, and the customer's own on /portal), redemptions and referrals.
import "server-only";
import { z } from "zod";
import { customerRewardsInput, getCustomerRewards } from "~/server/services/rewards/customer-rewards";
import { checkPointsNow, grantMissingPoints } from "~/server/services/rewards/points-check";
import { redeemPoints, redeemPointsInput } from "~/server/services/rewards/redeem-points";
import {
  getRewardSettings,
  updateRewardSettings,
  updateRewardSettingsInput,
} from "~/server/services/rewards/reward-settings";
import { setReferrer, setReferrerInput } from "~/server/services/rewards/set-referrer";
import { adminProcedure, createTRPCRouter, customerProcedure } from "../trpc";

export const rewardsRouter = createTRPCRouter({
  settings: adminProcedure.query(({ ctx }) => getRewardSettings(ctx.db, ctx)),
  updateSettings: adminProcedure
    .input(updateRewardSettingsInput)
    .mutation(({ ctx, input }) => updateRewardSettings(ctx.db, ctx, input)),
  customer: adminProcedure
    .input(customerRewardsInput.required())
    .query(({ ctx, input }) => getCustomerRewards(ctx.db, ctx, input)),
  /** The customer user's own company. */
  mine: customerProcedure.input(z.object({}).optional()).query(({ ctx }) => getCustomerRewards(ctx.db, ctx, {})),
  redeem: adminProcedure.input(redeemPointsInput).mutation(({ ctx, input }) => redeemPoints(ctx.db, ctx, input)),
  setReferrer: adminProcedure.input(setReferrerInput).mutation(({ ctx, input }) => setReferrer(ctx.db, ctx, input)),
  checkNow: adminProcedure.mutation(({ ctx }) => checkPointsNow(ctx.db, ctx)),
  grantMissing: adminProcedure.mutation(({ ctx }) => grantMissingPoints(ctx.db, ctx)),
});
