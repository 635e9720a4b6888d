import { type ActorKind } from "./actors";
import { type AutoApprovalDecision } from "./approval";
import { DomainError } from "./errors";
import { STATUS_LABELS, type Status } from "./status";
import { type ApprovalToUndo, checkUndoApproval } from "./undo-approval";

// The one table of allowed status changes. Any (action, from, actor kind) not in it is
// refused: a real system without this let a technician undo a customer's denial.
// The table says which KIND of actor may act; permissions.ts adds ownership and limits.

export const ACTIONS = [
  "capture",
  "request",
  "approve",
  "unapprove",
  "deny",
  "assign",
  "reassign",
  "start",
  "complete",
  "invoice",
  "uninvoice",
  "close",
  "cancel",
  "claim",
  "followUp",
] as const;

export type Action = (typeof ACTIONS)[number];

/** Someone the repair is being (re)assigned to, as the server knows them. */
export type Assignee = {
  technicianId: string;
  isActive: boolean;
  /** On the customer's blocked-technicians list. */
  blockedByCustomer: boolean;
};

/** What is known about the move; each action reads only the facts it needs. */
export type TransitionFacts = {
  /** deny, cancel: why (stored on the repair). */
  reason?: string;
  /** assign, reassign; claim: the one taking the work. */
  assignee?: Assignee;
  /** complete: an "after" photo documents the repair. */
  hasAfterPhoto?: boolean;
  /** capture: the auto-approval decision used when capturing (the device's, when replayed from offline). */
  autoApproval?: AutoApprovalDecision;
  /** unapprove: the approval being undone, who undoes it and when. */
  undo?: { approval: ApprovalToUndo; actorUserId: string; now: Date };
};

export type RuleFailure = { rule: string; message: string };
type Precondition = (facts: TransitionFacts) => RuleFailure | null;

export type TransitionRule = {
  action: Action;
  /** null = the repair does not exist yet (capture, request). */
  from: readonly (Status | null)[];
  to: Status | ((facts: TransitionFacts) => Status);
  actors: readonly ActorKind[];
  preconditions: readonly Precondition[];
};

const needsReason: Precondition = (facts) =>
  facts.reason?.trim() ? null : { rule: "REASON_REQUIRED", message: "a reason is required" };

const needsAssignee: Precondition = ({ assignee }) => {
  if (!assignee?.technicianId.trim()) return { rule: "TECHNICIAN_REQUIRED", message: "choose a technician" };
  if (!assignee.isActive) return { rule: "TECHNICIAN_INACTIVE", message: "this technician is not active" };
  if (assignee.blockedByCustomer)
    return { rule: "TECHNICIAN_BLOCKED", message: "this customer has blocked this technician" };
  return null;
};

const needsAfterPhoto: Precondition = (facts) =>
  facts.hasAfterPhoto ? null : { rule: "AFTER_PHOTO_REQUIRED", message: "take an after photo before completing" };

const needsAutoApprovalDecision: Precondition = (facts) =>
  facts.autoApproval
    ? null
    : { rule: "AUTO_APPROVAL_DECISION_REQUIRED", message: "decide auto-approval before capturing" };

const withinUndoWindow: Precondition = ({ undo }) => {
  if (!undo) return { rule: "UNDO_FACTS_REQUIRED", message: "say which approval is undone" };
  const check = checkUndoApproval(undo.approval, undo.actorUserId, undo.now);
  return check.ok ? null : { rule: check.rule, message: check.message };
};

const STAFF: readonly ActorKind[] = ["technician", "manager", "admin"];
const DECIDERS: readonly ActorKind[] = ["manager", "admin", "customer"];
const DISPATCHERS: readonly ActorKind[] = ["manager", "admin"];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: "capture",
    from: [null],
    to: (facts) => (facts.autoApproval?.autoApproved ? "APPROVED" : "PENDING_APPROVAL"),
    actors: STAFF,
    preconditions: [needsAutoApprovalDecision],
  },
  // The customer's request is its approval: price shown upfront, no second step.
  { action: "request", from: [null], to: "REQUESTED", actors: ["customer", "admin"], preconditions: [] },
  { action: "approve", from: ["PENDING_APPROVAL"], to: "APPROVED", actors: DECIDERS, preconditions: [] },
  // "Undo" right after approving (undo-approval.ts): back to waiting, only by the approver, only for seconds.
  {
    action: "unapprove",
    from: ["APPROVED"],
    to: "PENDING_APPROVAL",
    actors: DECIDERS,
    preconditions: [withinUndoWindow],
  },
  { action: "deny", from: ["PENDING_APPROVAL"], to: "DENIED", actors: DECIDERS, preconditions: [needsReason] },
  {
    action: "assign",
    from: ["REQUESTED", "APPROVED"],
    to: "ASSIGNED",
    actors: DISPATCHERS,
    preconditions: [needsAssignee],
  },
  { action: "reassign", from: ["ASSIGNED"], to: "ASSIGNED", actors: DISPATCHERS, preconditions: [needsAssignee] },
  // APPROVED -> IN_PROGRESS: the technician who captured a lot-walk find fixes it on the spot.
  { action: "start", from: ["APPROVED", "ASSIGNED"], to: "IN_PROGRESS", actors: STAFF, preconditions: [] },
  { action: "complete", from: ["IN_PROGRESS"], to: "COMPLETED", actors: STAFF, preconditions: [needsAfterPhoto] },
  { action: "invoice", from: ["COMPLETED"], to: "INVOICED", actors: ["admin"], preconditions: [] },
  // Voiding an invoice (with its credit note) gives its repairs back to billing: the next run invoices them again.
  { action: "uninvoice", from: ["INVOICED"], to: "COMPLETED", actors: ["admin"], preconditions: [] },
  { action: "close", from: ["COMPLETED", "INVOICED"], to: "CLOSED", actors: ["admin"], preconditions: [] },
  // "Assign to Me": whether it is unassigned and the customer lets them serve it is the permission's rule.
  {
    action: "claim",
    from: ["REQUESTED", "APPROVED"],
    to: "ASSIGNED",
    actors: ["technician", "manager"],
    preconditions: [],
  },
  // A follow-up is new work found while on a repair: it waits for approval like any other find.
  { action: "followUp", from: [null], to: "PENDING_APPROVAL", actors: STAFF, preconditions: [] },
  // A customer may withdraw only what nobody has committed to yet.
  {
    action: "cancel",
    from: ["REQUESTED", "PENDING_APPROVAL"],
    to: "CANCELLED",
    actors: DECIDERS,
    preconditions: [needsReason],
  },
  {
    action: "cancel",
    from: ["APPROVED", "ASSIGNED"],
    to: "CANCELLED",
    actors: DISPATCHERS,
    preconditions: [needsReason],
  },
];

export type TransitionRefusedCode = "NO_SUCH_TRANSITION" | "ACTOR_NOT_ALLOWED" | "PRECONDITION_FAILED";

export class TransitionRefused extends DomainError {
  constructor(
    readonly code: TransitionRefusedCode,
    /** NO_SUCH_TRANSITION / ACTOR_NOT_ALLOWED, or the failed precondition (e.g. "REASON_REQUIRED"). */
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export type TransitionInput = {
  action: Action;
  /** null when the repair is being created. */
  from: Status | null;
  actor: ActorKind;
  facts?: TransitionFacts;
};

export type TransitionCheck = { ok: true; to: Status } | { ok: false; refusal: TransitionRefused };

const describeStatus = (status: Status | null) =>
  status ? `a repair that is "${STATUS_LABELS[status]}"` : "a new repair";

/** Checks a move against the table without throwing. */
export function checkTransition({ action, from, actor, facts = {} }: TransitionInput): TransitionCheck {
  const rows = TRANSITIONS.filter((row) => row.action === action && row.from.includes(from));
  if (rows.length === 0) {
    return refuse("NO_SUCH_TRANSITION", "NO_SUCH_TRANSITION", `cannot ${action} ${describeStatus(from)}`);
  }
  const row = rows.find((r) => r.actors.includes(actor));
  if (!row) {
    return refuse("ACTOR_NOT_ALLOWED", "ACTOR_NOT_ALLOWED", `a ${actor} cannot ${action} ${describeStatus(from)}`);
  }
  for (const precondition of row.preconditions) {
    const failure = precondition(facts);
    if (failure) return refuse("PRECONDITION_FAILED", failure.rule, `cannot ${action}: ${failure.message}`);
  }
  return { ok: true, to: typeof row.to === "function" ? row.to(facts) : row.to };
}

/** The new status, or throws TransitionRefused. */
export function transition(input: TransitionInput): { to: Status } {
  const check = checkTransition(input);
  if (!check.ok) throw check.refusal;
  return { to: check.to };
}

/** Actions this kind of actor may take on a repair in `status` (before facts and ownership are checked): for screens. */
export function allowedActions(status: Status | null, actor: ActorKind): Action[] {
  return ACTIONS.filter((action) =>
    TRANSITIONS.some((row) => row.action === action && row.from.includes(status) && row.actors.includes(actor)),
  );
}

function refuse(code: TransitionRefusedCode, rule: string, message: string): TransitionCheck {
  return { ok: false, refusal: new TransitionRefused(code, rule, message) };
}
