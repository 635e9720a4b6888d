import { type Actor, actorKind } from "./actors";
import { type RepairRef, decide } from "./permissions";
import { type Assignee, checkTransition } from "./transitions";

// Who a repair may be given to, for the manager's "assign" picker: exactly those the assign
// action would accept (transition table: active, not blocked by the customer; permissions:
// the manager's own team), the customer's preferred technicians first.

export type AssigneeCandidate = Assignee & { name: string; preferredByCustomer: boolean };

export function assignableTechnicians<C extends AssigneeCandidate>(
  actor: Actor,
  repair: RepairRef,
  candidates: readonly C[],
): C[] {
  const action = repair.status === "ASSIGNED" ? "reassign" : "assign";
  const kind = actorKind(actor);
  return candidates
    .filter((c) => c.technicianId !== repair.technicianId) // already theirs: nothing to choose
    .filter((c) => checkTransition({ action, from: repair.status, actor: kind, facts: { assignee: c } }).ok)
    .filter((c) => decide(actor, "repair.assign", { repair, targetTechnicianId: c.technicianId }).allowed)
    .sort((a, b) => Number(b.preferredByCustomer) - Number(a.preferredByCustomer) || a.name.localeCompare(b.name));
}
