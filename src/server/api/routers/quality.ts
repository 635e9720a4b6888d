// Quality assurance: the admin's rules; warranty claims, surveys, peer reviews, training flags.
import "server-only";
import { openWarrantyClaim, openWarrantyClaimInput } from "~/server/services/quality/open-warranty-claim";
import {
  getQualitySettings,
  updateQualitySettings,
  updateQualitySettingsInput,
} from "~/server/services/quality/quality-settings";
import { adminProcedure, createTRPCRouter, procedureFor } from "../trpc";

export const qualityRouter = createTRPCRouter({
  settings: adminProcedure.query(({ ctx }) => getQualitySettings(ctx.db, ctx)),
  updateSettings: adminProcedure
    .input(updateQualitySettingsInput)
    .mutation(({ ctx, input }) => updateQualitySettings(ctx.db, ctx, input)),
  openWarrantyClaim: procedureFor("manager", "admin", "customer")
    .input(openWarrantyClaimInput)
    .mutation(({ ctx, input }) => openWarrantyClaim(ctx.db, ctx, input)),
});
