// Quality assurance: the admin's rules; warranty claims, surveys, peer reviews, training flags.
import "server-only";
import {
  getQualitySettings,
  updateQualitySettings,
  updateQualitySettingsInput,
} from "~/server/services/quality/quality-settings";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const qualityRouter = createTRPCRouter({
  settings: adminProcedure.query(({ ctx }) => getQualitySettings(ctx.db, ctx)),
  updateSettings: adminProcedure
    .input(updateQualitySettingsInput)
    .mutation(({ ctx, input }) => updateQualitySettings(ctx.db, ctx, input)),
});
