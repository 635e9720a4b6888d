// Apply a template to one repair (one tap on the phone) or to many at once (a manager): each
// repair is checked on its own, the ones that may take it are changed, the others are reported
// with the reason; all in one transaction, one audit entry per changed repair.
import "server-only";
import { z } from "zod";
import { DomainError, TEMPLATE_APPLY_MAX, applyTemplate, assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { templateFields } from "../../data/templates/template-view";

export const applyTemplateInput = z.object({
  templateId: z.uuid(),
  repairIds: z.array(z.uuid()).min(1).max(TEMPLATE_APPLY_MAX),
});
export type ApplyTemplateInput = z.input<typeof applyTemplateInput>;

export type ApplyTemplateResult = {
  applied: string[];
  skipped: { repairId: string; code: string; reason: string }[];
};

export async function applyTemplateToRepairs(
  db: Db,
  ctx: ServiceContext,
  raw: ApplyTemplateInput,
): Promise<ApplyTemplateResult> {
  const input = applyTemplateInput.parse(raw);
  return db.$transaction(async (tx) => {
    const template = await tx.repairTemplate.findUnique({ where: { id: input.templateId } });
    const own = ctx.actor.technician?.id;
    if (
      !template ||
      (template.ownerTechnicianId !== null && ctx.actor.role !== "ADMIN" && template.ownerTechnicianId !== own)
    ) {
      throw new NotFound("Template");
    }
    const fields = templateFields(template);
    const result: ApplyTemplateResult = { applied: [], skipped: [] };
    // One lock order, so two bulk applications cannot deadlock.
    for (const repairId of [...new Set(input.repairIds)].sort()) {
      try {
        const repair = await loadRepairFor(tx, ctx.actor, repairId, { lock: true });
        assertAllowed(ctx.actor, "repair.applyTemplate", repairRef(repair));
        const changes = applyTemplate(repair, fields);
        const after = await tx.repair.update({
          where: { id: repair.id },
          data: { ...changes, templateId: template.id },
        });
        await auditChange(tx, ctx, {
          action: "repair.applyTemplate",
          entityType: "Repair",
          entityId: repair.id,
          before: repair,
          after,
        });
        result.applied.push(repair.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.skipped.push({ repairId, code: error.code, reason: error.message });
      }
    }
    return result;
  });
}
