// Create or edit a repair template: a technician's own, or (managers, admins) company-wide.
import "server-only";
import { z } from "zod";
import { TEMPLATE_CHECKLIST_MAX, assertAllowed, checkTemplate } from "~/domain/index";
import type { Db } from "../../db";
import { DamageType } from "../../db/generated/client";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { type TemplateView, templateView } from "../../data/templates/template-view";

export const saveTemplateInput = z.object({
  /** Absent: a new template. */
  id: z.uuid().optional(),
  /** A template for everyone (managers and admins) rather than the technician's own. */
  companyWide: z.boolean().default(false),
  name: z.string().max(10_000),
  damageType: z.enum(DamageType),
  damagePosition: z.string().max(10_000).nullable().default(null),
  notes: z.string().max(10_000).default(""),
  checklist: z
    .array(z.string().max(10_000))
    .max(TEMPLATE_CHECKLIST_MAX * 2)
    .default([]),
});
export type SaveTemplateInput = z.input<typeof saveTemplateInput>;

export async function saveTemplate(db: Db, ctx: ServiceContext, raw: SaveTemplateInput): Promise<TemplateView> {
  const { id, companyWide, ...fields } = saveTemplateInput.parse(raw);
  const checked = checkTemplate(fields);
  const owner = companyWide ? null : (ctx.actor.technician?.id ?? null);
  assertAllowed(ctx.actor, "template.manage", { ownerTechnicianId: owner });
  return db.$transaction(async (tx) => {
    const before = id ? await tx.repairTemplate.findUnique({ where: { id } }) : null;
    if (id && (!before || !mayManage(ctx, before.ownerTechnicianId))) throw new NotFound("Template");
    if (before) assertAllowed(ctx.actor, "template.manage", { ownerTechnicianId: before.ownerTechnicianId });
    const data = { ...checked, ownerTechnicianId: owner };
    const after = before
      ? await tx.repairTemplate.update({ where: { id: before.id }, data })
      : await tx.repairTemplate.create({ data: { ...data, createdById: ctx.actor.userId } });
    await auditChange(tx, ctx, {
      action: before ? "template.update" : "template.create",
      entityType: "RepairTemplate",
      entityId: after.id,
      before,
      after,
    });
    return templateView(after);
  });
}

/** Another technician's template is "not found", not described. */
function mayManage(ctx: ServiceContext, ownerTechnicianId: string | null): boolean {
  return ownerTechnicianId === null || ctx.actor.role === "ADMIN" || ownerTechnicianId === ctx.actor.technician?.id;
}

export const deleteTemplateInput = z.object({ id: z.uuid() });
export type DeleteTemplateInput = z.input<typeof deleteTemplateInput>;

export async function deleteTemplate(db: Db, ctx: ServiceContext, raw: DeleteTemplateInput): Promise<{ id: string }> {
  const input = deleteTemplateInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.repairTemplate.findUnique({ where: { id: input.id } });
    if (!before || !mayManage(ctx, before.ownerTechnicianId)) throw new NotFound("Template");
    assertAllowed(ctx.actor, "template.manage", { ownerTechnicianId: before.ownerTechnicianId });
    await tx.repairTemplate.delete({ where: { id: before.id } });
    await auditChange(tx, ctx, {
      action: "template.delete",
      entityType: "RepairTemplate",
      entityId: before.id,
      before,
      after: {},
    });
    return { id: before.id };
  });
}
