// Quality assurance: the admin's rules; warranty claims, surveys, peer reviews, training flags.
import "server-only";
import { openWarrantyClaim, openWarrantyClaimInput } from "~/server/services/quality/open-warranty-claim";
import {
  drawPeerReviews,
  listPeerReviews,
  submitPeerReview,
  submitPeerReviewInput,
} from "~/server/services/quality/peer-reviews";
import {
  getQualitySettings,
  updateQualitySettings,
  updateQualitySettingsInput,
} from "~/server/services/quality/quality-settings";
import { createSurveys, listSurveys } from "~/server/services/quality/surveys";
import { checkTrainingFlags, technicianQuality } from "~/server/services/quality/training-flags";
import { assertOffice } from "~/server/data/quality/office";
import { adminProcedure, createTRPCRouter, managerProcedure, procedureFor } from "../trpc";

export const qualityRouter = createTRPCRouter({
  settings: adminProcedure.query(({ ctx }) => getQualitySettings(ctx.db, ctx)),
  updateSettings: adminProcedure
    .input(updateQualitySettingsInput)
    .mutation(({ ctx, input }) => updateQualitySettings(ctx.db, ctx, input)),
  openWarrantyClaim: procedureFor("manager", "admin", "customer")
    .input(openWarrantyClaimInput)
    .mutation(({ ctx, input }) => openWarrantyClaim(ctx.db, ctx, input)),
  surveys: managerProcedure.query(({ ctx }) => listSurveys(ctx.db, ctx)),
  technicians: managerProcedure.query(({ ctx }) => technicianQuality(ctx.db, ctx)),
  reviewQueue: managerProcedure.query(({ ctx }) => listPeerReviews(ctx.db, ctx)),
  submitReview: managerProcedure
    .input(submitPeerReviewInput)
    .mutation(({ ctx, input }) => submitPeerReview(ctx.db, ctx, input)),
  /** Runs the jobs now (surveys, the day's draw, training flags) instead of waiting for them. */
  runNow: managerProcedure.mutation(async ({ ctx }) => {
    assertOffice(ctx);
    return {
      ...(await createSurveys(ctx.db)),
      ...(await drawPeerReviews(ctx.db)),
      ...(await checkTrainingFlags(ctx.db)),
    };
  }),
});
