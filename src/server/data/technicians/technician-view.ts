// A technician as the admin's screens read and the audit log records them: rights, team as
// ids (managers and managed), working hours, account state.
import "server-only";
import type { Prisma } from "../../db/generated/client";

export const TECHNICIAN_INCLUDE = {
  user: { select: { id: true, name: true, email: true, isActive: true } },
  managedTechnicians: { select: { id: true } },
  managers: { select: { id: true } },
} satisfies Prisma.TechnicianInclude;

type TechnicianWithTeam = Prisma.TechnicianGetPayload<{ include: typeof TECHNICIAN_INCLUDE }>;

/** What the admin edits, as the audit log records it. One relation only: read inside a transaction. */
export const TECHNICIAN_SETTINGS_SELECT = {
  id: true,
  phone: true,
  isActive: true,
  isManager: true,
  approvalLimitCents: true,
  canAssignWork: true,
  canOverridePricing: true,
  workingHours: true,
  skills: true,
  baseLatitude: true,
  baseLongitude: true,
  managedTechnicians: { select: { id: true } },
} satisfies Prisma.TechnicianSelect;

export function technicianSettingsRecord({
  managedTechnicians,
  ...settings
}: Prisma.TechnicianGetPayload<{ select: typeof TECHNICIAN_SETTINGS_SELECT }>) {
  return { ...settings, managedTechnicianIds: managedTechnicians.map((m) => m.id).sort() };
}

export function technicianView(t: TechnicianWithTeam) {
  return {
    technicianId: t.id,
    userId: t.user.id,
    name: t.user.name,
    email: t.user.email,
    accountActive: t.user.isActive,
    phone: t.phone,
    isActive: t.isActive,
    isManager: t.isManager,
    approvalLimitCents: t.approvalLimitCents,
    canAssignWork: t.canAssignWork,
    canOverridePricing: t.canOverridePricing,
    managedTechnicianIds: t.managedTechnicians.map((m) => m.id).sort(),
    managerIds: t.managers.map((m) => m.id).sort(),
    workingHours: t.workingHours,
    skills: t.skills,
    baseLatitude: t.baseLatitude,
    baseLongitude: t.baseLongitude,
    lastSyncAt: t.lastSyncAt,
  };
}
export type TechnicianView = ReturnType<typeof technicianView>;
