// A repair template as lists show it, and the domain's shape read back from its row.
import "server-only";
import type { TemplateFields } from "~/domain/index";
import type { Prisma, RepairTemplate } from "../../db/generated/client";

/** The checklist column holds an array of strings; anything else (a hand-edited row) reads as empty. */
export const checklistOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

export const templateFields = (row: RepairTemplate): TemplateFields => ({
  name: row.name,
  damageType: row.damageType,
  damagePosition: row.damagePosition,
  notes: row.notes,
  checklist: checklistOf(row.checklist),
});

export function templateView(row: RepairTemplate) {
  return {
    id: row.id,
    ownerTechnicianId: row.ownerTechnicianId,
    companyWide: row.ownerTechnicianId === null,
    ...templateFields(row),
    updatedAt: row.updatedAt,
  };
}
export type TemplateView = ReturnType<typeof templateView>;

/** Templates a technician may apply: the company's (no owner) and their own. */
export const templatesUsableBy = (technicianId: string | null): Prisma.RepairTemplateWhereInput => ({
  OR: [{ ownerTechnicianId: null }, ...(technicianId ? [{ ownerTechnicianId: technicianId }] : [])],
});
