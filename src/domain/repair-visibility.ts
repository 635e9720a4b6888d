// Which of a repair's fields an actor may read. Technician notes, sync flags and the device's
// own figures are for staff; a customer user sees the rest of their own repairs (whose repairs
// are theirs is decided by the permission matrix, not here).
import { type Actor, actorKind } from "./actors";

export const STAFF_ONLY_REPAIR_FIELDS = [
  "technicianNotes",
  "flaggedReason",
  "flagResolvedAt",
  "flagResolvedById",
  "flagResolutionNote",
  "deviceEstimateCents",
  "deviceAutoApproved",
] as const;
export type StaffOnlyRepairField = (typeof STAFF_ONLY_REPAIR_FIELDS)[number];

/** A repair as the actor may see it: staff-only fields are absent (not blanked) for a customer. */
export type VisibleRepair<R> = Omit<R, StaffOnlyRepairField> & Partial<Pick<R, Extract<keyof R, StaffOnlyRepairField>>>;

export function visibleRepair<R extends object>(actor: Actor, repair: R): VisibleRepair<R> {
  if (actorKind(actor) !== "customer") return repair;
  const view: Record<string, unknown> = { ...(repair as Record<string, unknown>) };
  for (const field of STAFF_ONLY_REPAIR_FIELDS) delete view[field];
  return view as VisibleRepair<R>;
}
