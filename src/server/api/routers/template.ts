// Repair templates: saved patterns applied in one tap, or by a manager to many repairs at once.
import "server-only";
import { applyTemplateInput, applyTemplateToRepairs } from "~/server/services/templates/apply-template";
import { listTemplates } from "~/server/services/templates/list-templates";
import {
  deleteTemplate,
  deleteTemplateInput,
  saveTemplate,
  saveTemplateInput,
} from "~/server/services/templates/save-template";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const templateRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => listTemplates(ctx.db, ctx)),
  save: staffProcedure.input(saveTemplateInput).mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx, input)),
  delete: staffProcedure.input(deleteTemplateInput).mutation(({ ctx, input }) => deleteTemplate(ctx.db, ctx, input)),
  applyTo: staffProcedure
    .input(applyTemplateInput)
    .mutation(({ ctx, input }) => applyTemplateToRepairs(ctx.db, ctx, input)),
});
