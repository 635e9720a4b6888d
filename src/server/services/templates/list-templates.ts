// The templates an actor may apply: company-wide ones and their own (an admin sees every one).
import "server-only";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { type TemplateView, templatesUsableBy, templateView } from "../../data/templates/template-view";

export async function listTemplates(db: Db, ctx: ServiceContext): Promise<TemplateView[]> {
  const own = ctx.actor.technician?.id;
  const rows = await db.repairTemplate.findMany({
    where: ctx.actor.role === "ADMIN" ? {} : templatesUsableBy(own ?? null),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map(templateView);
}
