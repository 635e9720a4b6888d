import { type Actor, actorKind } from "./actors";
import {
  type Decision,
  type PermissionAction,
  PermissionDenied,
  type RepairRef,
  type LotWalkRef,
  decide,
} from "./permissions";
import { type Status } from "./status";
import { type Action, type TransitionFacts, transition } from "./transitions";

// One call for a status change: the transition table (is this move legal for this kind of
// actor, are its preconditions met) and then permissions (is it this actor's repair, team,
// company, limit). Server code should change a repair's status only through this.

/** The repair as it is now; `status` null when it is being created (capture, request). */
export type RepairState = Omit<RepairRef, "status"> & { status: Status | null };

export type AuthorizationFacts = TransitionFacts & {
  /** capture: the walk the repair is captured on. */
  walk?: LotWalkRef;
  /** followUp: the repair the new one follows up. */
  original?: RepairRef;
};

const PERMISSION_FOR: Readonly<Record<Action, PermissionAction>> = {
  capture: "repair.capture",
  request: "repair.request",
  approve: "repair.approve",
  // Undoing an approval needs the authority to approve it.
  unapprove: "repair.approve",
  deny: "repair.deny",
  assign: "repair.assign",
  reassign: "repair.assign",
  start: "repair.start",
  complete: "repair.complete",
  invoice: "repair.invoice",
  uninvoice: "repair.invoice",
  close: "repair.close",
  cancel: "repair.cancel",
  claim: "repair.claim",
  followUp: "repair.followUp",
};

/** The permission a status-change action needs (for screens that hide buttons). */
export function permissionFor(action: Action): PermissionAction {
  return PERMISSION_FOR[action];
}

/**
 * The new status, or throws TransitionRefused (table) or PermissionDenied (ownership, limits).
 * The table is checked first: its refusals are the clearest for a legitimate user. Load the
 * repair through decide(actor, "repair.view", …) before this, so that a repair the actor may
 * not see is "not found" rather than described by a refusal.
 */
export function authorizeTransition(
  actor: Actor,
  action: Action,
  repair: RepairState,
  facts: AuthorizationFacts = {},
): { to: Status } {
  const result = transition({ action, from: repair.status, actor: actorKind(actor), facts });
  const decision = permissionDecision(actor, action, repair, facts);
  if (!decision.allowed) throw new PermissionDenied(decision.code, PERMISSION_FOR[action], decision.reason);
  return result;
}

function permissionDecision(actor: Actor, action: Action, repair: RepairState, facts: AuthorizationFacts): Decision {
  switch (action) {
    case "capture":
      if (!facts.walk) return { allowed: false, code: "FORBIDDEN", reason: "a repair is captured on a walk" };
      if (facts.walk.customerId !== repair.customerId) {
        return { allowed: false, code: "FORBIDDEN", reason: "this walk is at another customer" };
      }
      return decide(actor, "repair.capture", facts.walk);
    case "request":
      return decide(actor, "repair.request", { customerId: repair.customerId });
    case "assign":
    case "reassign":
      // The table has already required an assignee.
      return decide(actor, "repair.assign", {
        repair: existing(repair),
        targetTechnicianId: facts.assignee?.technicianId ?? "",
      });
    case "claim":
      return decide(actor, "repair.claim", {
        repair: existing(repair),
        blockedByCustomer: facts.assignee?.blockedByCustomer ?? false,
      });
    case "followUp":
      if (!facts.original) return { allowed: false, code: "FORBIDDEN", reason: "a follow-up follows up a repair" };
      if (facts.original.customerId !== repair.customerId) {
        return { allowed: false, code: "FORBIDDEN", reason: "a follow-up is for the same customer" };
      }
      return decide(actor, "repair.followUp", facts.original);
    default:
      return decide(actor, PERMISSION_FOR[action] as RepairAction, existing(repair));
  }
}

type RepairAction =
  | "repair.approve"
  | "repair.deny"
  | "repair.start"
  | "repair.complete"
  | "repair.invoice"
  | "repair.close"
  | "repair.cancel";

/** Only capture, request and followUp start from no status, and the table has refused anything else. */
function existing(repair: RepairState): RepairRef {
  if (repair.status === null)
    throw new Error("unreachable: the transition table admits no other action on a new repair");
  return { ...repair, status: repair.status };
}
