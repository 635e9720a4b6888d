// What a repair looks like to the actor. Technician notes, sync flags and the device's own
// figures are for staff; a customer user sees the rest of their own repairs.
import { type Actor, actorKind } from "~/domain";
import type { Repair } from "../../db/generated/client";

const STAFF_ONLY = [
  "technicianNotes",
  "flaggedReason",
  "flagResolvedAt",
  "flagResolvedById",
  "flagResolutionNote",
  "deviceEstimateCents",
  "deviceAutoApproved",
] as const;
type StaffOnly = (typeof STAFF_ONLY)[number];

export type RepairView<R extends Repair = Repair> = Omit<R, StaffOnly> & Partial<Pick<R, StaffOnly>>;

export function repairView<R extends Repair>(actor: Actor, repair: R): RepairView<R> {
  if (actorKind(actor) !== "customer") return repair;
  const view: Partial<R> = { ...repair };
  for (const field of STAFF_ONLY) delete view[field];
  return view as RepairView<R>;
}
