import { describe, expect, it } from "vitest";
import { type ActorKind } from "./actors";
import { autoApprovalFor } from "./approval";
import { STATUSES, type Status, STATUS_LABELS, TERMINAL_STATUSES } from "./status";
import {
  ACTIONS,
  type Action,
  type TransitionFacts,
  TransitionRefused,
  allowedActions,
  checkTransition,
  transition,
} from "./transitions";

const KINDS: ActorKind[] = ["technician", "manager", "admin", "customer"];
const FROM: (Status | null)[] = [null, ...STATUSES];

const approvedCapture = autoApprovalFor({
  estimateCents: 4000,
  hasDamagePhoto: true,
  settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 5000, requirePhotoForApproval: true },
});

/** Facts that satisfy every precondition, so the matrix tests only the table. */
const ALL_FACTS: TransitionFacts = {
  reason: "customer asked",
  assignee: { technicianId: "t1", isActive: true, blockedByCustomer: false },
  hasAfterPhoto: true,
  autoApproval: approvedCapture,
  undo: {
    approval: { approvalKind: "MANUAL", approvedAt: new Date(1000), approvedById: "u1" },
    actorUserId: "u1",
    now: new Date(2000),
  },
};

// Written out by hand from the business rules (docs/architecture.md), not derived from the implementation:
// "from action: who -> to". Everything not listed is refused.
const EXPECTED_ALLOWED = `
  new capture: technician manager admin -> APPROVED
  new request: customer admin -> REQUESTED
  new followUp: technician manager admin -> PENDING_APPROVAL
  REQUESTED claim: technician manager -> ASSIGNED
  APPROVED claim: technician manager -> ASSIGNED
  REQUESTED assign: manager admin -> ASSIGNED
  REQUESTED cancel: manager admin customer -> CANCELLED
  PENDING_APPROVAL approve: manager admin customer -> APPROVED
  PENDING_APPROVAL deny: manager admin customer -> DENIED
  PENDING_APPROVAL cancel: manager admin customer -> CANCELLED
  APPROVED unapprove: manager admin customer -> PENDING_APPROVAL
  APPROVED assign: manager admin -> ASSIGNED
  APPROVED start: technician manager admin -> IN_PROGRESS
  APPROVED cancel: manager admin -> CANCELLED
  ASSIGNED reassign: manager admin -> ASSIGNED
  ASSIGNED start: technician manager admin -> IN_PROGRESS
  ASSIGNED cancel: manager admin -> CANCELLED
  IN_PROGRESS complete: technician manager admin -> COMPLETED
  COMPLETED invoice: admin -> INVOICED
  COMPLETED close: admin -> CLOSED
  INVOICED uninvoice: admin -> COMPLETED
  INVOICED close: admin -> CLOSED
`;

type Expected = { from: Status | null; action: Action; kinds: ActorKind[]; to: Status };
const expected: Expected[] = EXPECTED_ALLOWED.trim()
  .split("\n")
  .map((line) => {
    const match = /^(\S+) (\S+): (.+) -> (\S+)$/.exec(line.trim());
    if (!match) throw new Error(`bad expectation line: ${line}`);
    const [, from, action, kinds, to] = match as unknown as [string, string, Action, string, Status];
    return { from: from === "new" ? null : (from as Status), action, kinds: kinds.split(" ") as ActorKind[], to };
  });

const cases = FROM.flatMap((from) => ACTIONS.flatMap((action) => KINDS.map((actor) => ({ from, action, actor }))));

describe("transition table: every status x action x actor kind", () => {
  it("covers all combinations", () => {
    expect(cases).toHaveLength(15 * 11 * 4);
  });

  it.each(cases)("$from --$action--> by $actor", ({ from, action, actor }) => {
    const row = expected.find((e) => e.from === from && e.action === action);
    const result = checkTransition({ action, from, actor, facts: ALL_FACTS });
    if (row && row.kinds.includes(actor)) {
      expect(result).toEqual({ ok: true, to: row.to });
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.refusal).toBeInstanceOf(TransitionRefused);
      expect(result.refusal.code).toBe(row ? "ACTOR_NOT_ALLOWED" : "NO_SUCH_TRANSITION");
      expect(result.refusal.rule).toBe(result.refusal.code);
      expect(result.refusal.message).toMatch(new RegExp(`cannot ${action}`));
    }
  });
});

describe("allowedActions", () => {
  it.each(FROM.flatMap((from) => KINDS.map((actor) => ({ from, actor }))))("for $actor on $from", ({ from, actor }) => {
    const want = expected.filter((e) => e.from === from && e.kinds.includes(actor)).map((e) => e.action);
    expect([...allowedActions(from, actor)].sort()).toEqual([...new Set(want)].sort());
  });
  it("terminal statuses allow nothing to anyone", () => {
    for (const status of TERMINAL_STATUSES) for (const kind of KINDS) expect(allowedActions(status, kind)).toEqual([]);
  });
});

describe("capture decides between approved and pending", () => {
  it("goes to PENDING_APPROVAL when not auto-approved", () => {
    const pending = autoApprovalFor({
      estimateCents: 6500,
      hasDamagePhoto: true,
      settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 5000, requirePhotoForApproval: true },
    });
    expect(
      transition({ action: "capture", from: null, actor: "technician", facts: { autoApproval: pending } }),
    ).toEqual({ to: "PENDING_APPROVAL" });
  });
  it("refuses a capture without an approval decision", () => {
    expect(() => transition({ action: "capture", from: null, actor: "technician" })).toThrow(
      expect.objectContaining({ code: "PRECONDITION_FAILED", rule: "AUTO_APPROVAL_DECISION_REQUIRED" }),
    );
  });
});

describe("preconditions", () => {
  const refusal = (action: Action, from: Status, actor: ActorKind, facts: TransitionFacts) => {
    const result = checkTransition({ action, from, actor, facts });
    return result.ok ? null : { code: result.refusal.code, rule: result.refusal.rule };
  };
  const precondition = (rule: string) => ({ code: "PRECONDITION_FAILED", rule });

  it.each<[Action, Status, ActorKind]>([
    ["deny", "PENDING_APPROVAL", "customer"],
    ["cancel", "REQUESTED", "customer"],
    ["cancel", "ASSIGNED", "manager"],
  ])("%s from %s needs a non-empty reason", (action, from, actor) => {
    expect(refusal(action, from, actor, {})).toEqual(precondition("REASON_REQUIRED"));
    expect(refusal(action, from, actor, { reason: "   " })).toEqual(precondition("REASON_REQUIRED"));
    expect(refusal(action, from, actor, { reason: "duplicate" })).toBeNull();
  });

  it.each<[Action, Status]>([
    ["assign", "REQUESTED"],
    ["assign", "APPROVED"],
    ["reassign", "ASSIGNED"],
  ])("%s from %s needs an active, not blocked technician", (action, from) => {
    const assignee = { technicianId: "t1", isActive: true, blockedByCustomer: false };
    expect(refusal(action, from, "manager", {})).toEqual(precondition("TECHNICIAN_REQUIRED"));
    expect(refusal(action, from, "manager", { assignee: { ...assignee, technicianId: " " } })).toEqual(
      precondition("TECHNICIAN_REQUIRED"),
    );
    expect(refusal(action, from, "manager", { assignee: { ...assignee, isActive: false } })).toEqual(
      precondition("TECHNICIAN_INACTIVE"),
    );
    expect(refusal(action, from, "manager", { assignee: { ...assignee, blockedByCustomer: true } })).toEqual(
      precondition("TECHNICIAN_BLOCKED"),
    );
    expect(refusal(action, from, "manager", { assignee })).toBeNull();
  });

  it("complete needs an after photo", () => {
    expect(refusal("complete", "IN_PROGRESS", "technician", {})).toEqual(precondition("AFTER_PHOTO_REQUIRED"));
    expect(refusal("complete", "IN_PROGRESS", "technician", { hasAfterPhoto: false })).toEqual(
      precondition("AFTER_PHOTO_REQUIRED"),
    );
    expect(refusal("complete", "IN_PROGRESS", "technician", { hasAfterPhoto: true })).toBeNull();
  });

  it("the table and actor are checked before preconditions", () => {
    expect(refusal("deny", "APPROVED", "customer", {})?.code).toBe("NO_SUCH_TRANSITION");
    expect(refusal("deny", "PENDING_APPROVAL", "technician", {})?.code).toBe("ACTOR_NOT_ALLOWED");
  });
});

describe("transition", () => {
  it("throws a TransitionRefused with a readable message", () => {
    try {
      transition({ action: "start", from: "DENIED", actor: "technician" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TransitionRefused);
      expect(error).toMatchObject({ code: "NO_SUCH_TRANSITION", message: 'cannot start a repair that is "Denied"' });
    }
  });
  it("every status has a label", () => {
    for (const status of STATUSES) expect(STATUS_LABELS[status]).toBeTruthy();
  });
});
