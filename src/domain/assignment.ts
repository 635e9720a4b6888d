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
  return candidates
    .filter((c) => c.technicianId !== repair.technicianId) // already theirs: nothing to choose
    .filter((c) => assignmentRefusal(actor, repair, c) === null)
    .sort((a, b) => Number(b.preferredByCustomer) - Number(a.preferredByCustomer) || a.name.localeCompare(b.name));
}

/** Why `actor` may not give `repair` to `assignee` (transition table, then permissions), or null when they may. */
export function assignmentRefusal(actor: Actor, repair: RepairRef, assignee: Assignee): string | null {
  const action = repair.status === "ASSIGNED" ? "reassign" : "assign";
  const move = checkTransition({ action, from: repair.status, actor: actorKind(actor), facts: { assignee } });
  if (!move.ok) return move.refusal.message;
  const permission = decide(actor, "repair.assign", { repair, targetTechnicianId: assignee.technicianId });
  return permission.allowed ? null : permission.reason;
}
