import { describe, expect, it } from "vitest";
import { type Actor, type ActorKind } from "./actors";
import { autoApprovalFor } from "./approval";
import { type AuthorizationFacts, type RepairState, authorizeTransition, permissionFor } from "./authorize";
import { PermissionDenied, decide } from "./permissions";
import { STATUSES } from "./status";
import { ACTIONS, type Action, TRANSITIONS, TransitionRefused } from "./transitions";
import { technicianProfile as profile } from "./test-fixtures";

const technician: Actor = { userId: "u-t1", role: "TECHNICIAN", technician: profile("t1") };
const manager: Actor = {
  userId: "u-m1",
  role: "TECHNICIAN",
  technician: profile("m1", {
    isManager: true,
    approvalLimitCents: 5000,
    canAssignWork: true,
    canOverridePricing: true,
    managedTechnicianIds: ["t2"],
  }),
};
const admin: Actor = { userId: "u-admin", role: "ADMIN" };
const customerA: Actor = { userId: "u-ca", role: "CUSTOMER", customerId: "A" };
const customerB: Actor = { userId: "u-cb", role: "CUSTOMER", customerId: "B" };

const autoApproved = autoApprovalFor({
  estimateCents: 4000,
  hasDamagePhoto: true,
  settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 5000, requirePhotoForApproval: false },
});

const state = (
  status: RepairState["status"],
  technicianId: string | null = "t1",
  extra: Partial<RepairState> = {},
): RepairState => ({
  customerId: "A",
  technicianId,
  priceCents: 4000,
  status,
  ...extra,
});

const errorOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
};

describe("authorizeTransition", () => {
  it("a technician captures on their own walk; the auto-approval decides the status", () => {
    const facts: AuthorizationFacts = {
      autoApproval: autoApproved,
      walk: { technicianId: "t1", customerId: "A", blockedByCustomer: false },
    };
    expect(authorizeTransition(technician, "capture", state(null), facts)).toEqual({ to: "APPROVED" });
  });

  it("a technician may not capture on someone else's walk, nor without a walk, nor for another customer", () => {
    const walk = { technicianId: "t2", customerId: "A", blockedByCustomer: false };
    expect(
      errorOf(() => authorizeTransition(technician, "capture", state(null), { autoApproval: autoApproved, walk })),
    ).toMatchObject({ code: "NOT_YOURS" });
    expect(
      errorOf(() => authorizeTransition(technician, "capture", state(null), { autoApproval: autoApproved })),
    ).toMatchObject({ code: "FORBIDDEN" });
    const elsewhere = { technicianId: "t1", customerId: "B", blockedByCustomer: false };
    expect(
      errorOf(() =>
        authorizeTransition(technician, "capture", state(null), { autoApproval: autoApproved, walk: elsewhere }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("nobody captures on a walk of a technician the customer has blocked from its lots", () => {
    const walk = { technicianId: "t1", customerId: "A", blockedByCustomer: true };
    for (const actor of [technician, admin]) {
      expect(
        errorOf(() => authorizeTransition(actor, "capture", state(null), { autoApproval: autoApproved, walk })),
      ).toMatchObject({ code: "TECHNICIAN_BLOCKED" });
    }
  });

  it("a customer requests for their own company only", () => {
    expect(authorizeTransition(customerA, "request", state(null, null))).toEqual({ to: "REQUESTED" });
    expect(errorOf(() => authorizeTransition(customerB, "request", state(null, null)))).toMatchObject({
      code: "OTHER_CUSTOMER",
    });
  });

  it("a manager assigns within the team; the assignee's state is a precondition", () => {
    const assignee = { technicianId: "t2", isActive: true, blockedByCustomer: false };
    expect(authorizeTransition(manager, "assign", state("REQUESTED", null), { assignee })).toEqual({ to: "ASSIGNED" });
    expect(
      errorOf(() =>
        authorizeTransition(manager, "assign", state("REQUESTED", null), {
          assignee: { ...assignee, technicianId: "t3" },
        }),
      ),
    ).toMatchObject({
      code: "OUTSIDE_TEAM",
    });
    expect(errorOf(() => authorizeTransition(manager, "assign", state("REQUESTED", null), {}))).toMatchObject({
      code: "PRECONDITION_FAILED",
      rule: "TECHNICIAN_REQUIRED",
    });
    expect(
      authorizeTransition(manager, "reassign", state("ASSIGNED", "t2"), {
        assignee: { ...assignee, technicianId: "m1" },
      }),
    ).toEqual({ to: "ASSIGNED" });
  });

  it("a technician starts and completes their own assigned repair", () => {
    expect(authorizeTransition(technician, "start", state("ASSIGNED"))).toEqual({ to: "IN_PROGRESS" });
    expect(authorizeTransition(technician, "complete", state("IN_PROGRESS"), { hasAfterPhoto: true })).toEqual({
      to: "COMPLETED",
    });
    expect(errorOf(() => authorizeTransition(technician, "start", state("ASSIGNED", "t2")))).toBeInstanceOf(
      PermissionDenied,
    );
  });

  it("a manager approves only within the limit", () => {
    expect(authorizeTransition(manager, "approve", state("PENDING_APPROVAL", "t2"))).toEqual({ to: "APPROVED" });
    expect(
      errorOf(() => authorizeTransition(manager, "approve", state("PENDING_APPROVAL", "t2", { priceCents: 6500 }))),
    ).toMatchObject({
      code: "OVER_APPROVAL_LIMIT",
    });
  });

  it("only an admin invoices and closes", () => {
    expect(authorizeTransition(admin, "invoice", state("COMPLETED"))).toEqual({ to: "INVOICED" });
    expect(authorizeTransition(admin, "close", state("INVOICED"))).toEqual({ to: "CLOSED" });
    expect(errorOf(() => authorizeTransition(manager, "invoice", state("COMPLETED", "t2")))).toMatchObject({
      code: "ACTOR_NOT_ALLOWED",
    });
  });

  it("checks the table before permissions", () => {
    expect(errorOf(() => authorizeTransition(customerB, "approve", state("APPROVED")))).toMatchObject({
      code: "NO_SUCH_TRANSITION",
    });
    expect(errorOf(() => authorizeTransition(customerB, "approve", state("PENDING_APPROVAL")))).toMatchObject({
      code: "OTHER_CUSTOMER",
    });
  });
});

describe("the transition table and the permissions agree on who may act", () => {
  // For each action and actor kind: the table admits the kind (from some status) exactly when
  // permissions admit a typical actor of that kind acting on their own, cheap, in-team repair.
  const ACTORS: Record<ActorKind, Actor> = { technician, manager, admin, customer: customerA };
  const ownId: Record<ActorKind, string> = { technician: "t1", manager: "m1", admin: "t1", customer: "t1" };

  const permissionAdmits = (kind: ActorKind, action: Action): boolean => {
    const actor = ACTORS[kind];
    const repair = { customerId: "A", technicianId: ownId[kind], priceCents: 100, status: "PENDING_APPROVAL" as const };
    switch (action) {
      case "capture":
        return decide(actor, "repair.capture", { technicianId: ownId[kind], customerId: "A", blockedByCustomer: false })
          .allowed;
      case "request":
        return decide(actor, "repair.request", { customerId: "A" }).allowed;
      case "assign":
      case "reassign":
        return decide(actor, "repair.assign", { repair, targetTechnicianId: ownId[kind] }).allowed;
      case "claim":
        return decide(actor, "repair.claim", { repair: { ...repair, technicianId: null }, blockedByCustomer: false })
          .allowed;
      case "followUp":
        return decide(actor, "repair.followUp", repair).allowed;
      default:
        return decide(actor, permissionFor(action) as "repair.approve", repair).allowed;
    }
  };

  it.each(
    ACTIONS.flatMap((action) =>
      (["technician", "manager", "admin", "customer"] as const).map((kind) => ({ action, kind })),
    ),
  )("$action by $kind", ({ action, kind }) => {
    const tableAdmits = TRANSITIONS.some((row) => row.action === action && row.actors.includes(kind));
    expect(permissionAdmits(kind, action)).toBe(tableAdmits);
  });

  it("every action maps to a permission", () => {
    for (const action of ACTIONS) expect(permissionFor(action)).toMatch(/^repair\./);
  });
  it("no status is unreachable", () => {
    const reachable = new Set(
      TRANSITIONS.flatMap((row) => (typeof row.to === "string" ? [row.to] : ["APPROVED", "PENDING_APPROVAL"])),
    );
    expect([...reachable].sort()).toEqual([...STATUSES].sort());
  });
  it("refusals are typed", () => {
    expect(errorOf(() => authorizeTransition(technician, "close", state("COMPLETED")))).toBeInstanceOf(
      TransitionRefused,
    );
  });
});
