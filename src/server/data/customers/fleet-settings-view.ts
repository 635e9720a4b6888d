// A customer's fleet settings as screens read them (admin form, customer portal): the stored
// schedule as weekdays, the technician lists as ids and names.
import "server-only";
import { checklistItemsOf, lotWalkingWeekdays } from "~/domain/index";
import type { Prisma } from "../../db/generated/client";

export const FLEET_SETTINGS_INCLUDE = {
  preferredTechnicians: { select: { id: true, user: { select: { name: true } } } },
  blockedTechnicians: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.CustomerInclude;

type CustomerWithTechnicians = Prisma.CustomerGetPayload<{ include: typeof FLEET_SETTINGS_INCLUDE }>;

const named = (technicians: CustomerWithTechnicians["preferredTechnicians"]) =>
  technicians.map((t) => ({ id: t.id, name: t.user.name })).sort((a, b) => a.name.localeCompare(b.name));

export function fleetSettingsView(customer: CustomerWithTechnicians) {
  return {
    fleetSize: customer.fleetSize,
    lotWalkingEnabled: customer.lotWalkingEnabled,
    lotWalkingWeekdays: lotWalkingWeekdays(customer.lotWalkingSchedule),
    lotWalkingFrequency: customer.lotWalkingFrequency,
    lotWalkingTime: customer.lotWalkingTime,
    autoApproveLotRepairs: customer.autoApproveLotRepairs,
    maxAutoApproveCents: customer.maxAutoApproveCents,
    requirePhotoForApproval: customer.requirePhotoForApproval,
    serviceMode: customer.serviceMode,
    paymentTerms: customer.paymentTerms,
    invoicingCadence: customer.invoicingCadence,
    preferredTechnicians: named(customer.preferredTechnicians),
    blockedTechnicians: named(customer.blockedTechnicians),
    /** Items every completion confirms, in order; [] when the customer requires none. */
    completionChecklist: checklistItemsOf(customer.completionChecklist),
    settingsVersion: customer.settingsVersion,
  };
}
export type FleetSettingsView = ReturnType<typeof fleetSettingsView>;

/** The audited form: what an admin changes, technician lists as sorted ids. */
export function fleetSettingsRecord(customer: CustomerWithTechnicians) {
  const { preferredTechnicians, blockedTechnicians, ...view } = fleetSettingsView(customer);
  return {
    ...view,
    preferredTechnicianIds: preferredTechnicians.map((t) => t.id).sort(),
    blockedTechnicianIds: blockedTechnicians.map((t) => t.id).sort(),
  };
}
