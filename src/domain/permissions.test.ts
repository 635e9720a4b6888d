import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type Actor, type ActorKind, actorKind } from "./actors";
import {
  type DenialCode,
  type PermissionAction,
  PermissionDenied,
  type PermissionResources,
  type RepairRef,
  assertAllowed,
  decide,
} from "./permissions";
import { technicianProfile as profile } from "./test-fixtures";

// --- The cast ---------------------------------------------------------------------------
// t1: a plain technician. m1: a manager of t2 (limit $50, may assign and override).
// t3: a technician outside m1's team. Customers A and B are two companies.

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
const ACTORS: Record<ActorKind, Actor> = { technician, manager, admin, customer: customerA };

const repair = (technicianId: string | null, extra: Partial<RepairRef> = {}): RepairRef => ({
  customerId: "A",
  technicianId,
  priceCents: 4000,
  status: "PENDING_APPROVAL",
  ...extra,
});
const own = repair("t1");
const team = repair("t2");
const managers = repair("m1");
const unassigned = repair(null);
const outside = repair("t3");
const otherCompany = repair("t2", { customerId: "B" });
const lotWalk = (technicianId: string, blockedByCustomer = false) => ({
  technicianId,
  customerId: "A",
  blockedByCustomer,
});

type Outcome = "ok" | DenialCode;
type Row = {
  [A in PermissionAction]: [
    label: string,
    action: A,
    resource: PermissionResources[A],
    expected: [Outcome, Outcome, Outcome, Outcome],
  ];
}[PermissionAction];

// Expected outcome for [technician t1, manager m1, admin, customer A] — written out by hand.
const F = "FORBIDDEN";
const MATRIX: Row[] = [
  ["own assigned repair", "repair.view", own, ["ok", "OUTSIDE_TEAM", "ok", "ok"]],
  ["managed technician's repair", "repair.view", team, ["NOT_YOURS", "ok", "ok", "ok"]],
  ["manager's own repair", "repair.view", managers, ["NOT_YOURS", "ok", "ok", "ok"]],
  ["unassigned repair", "repair.view", unassigned, ["NOT_YOURS", "ok", "ok", "ok"]],
  ["repair outside the team", "repair.view", outside, ["NOT_YOURS", "OUTSIDE_TEAM", "ok", "ok"]],
  ["another customer's repair", "repair.view", otherCompany, ["NOT_YOURS", "ok", "ok", "OTHER_CUSTOMER"]],

  ["on t1's walk", "repair.capture", lotWalk("t1"), ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["on t2's walk", "repair.capture", lotWalk("t2"), ["NOT_YOURS", "ok", "ok", F]],
  ["on m1's walk", "repair.capture", lotWalk("m1"), ["NOT_YOURS", "ok", "ok", F]],
  [
    "on t1's walk, t1 blocked",
    "repair.capture",
    lotWalk("t1", true),
    ["TECHNICIAN_BLOCKED", "OUTSIDE_TEAM", "TECHNICIAN_BLOCKED", F],
  ],
  [
    "on t2's walk, t2 blocked",
    "repair.capture",
    lotWalk("t2", true),
    ["NOT_YOURS", "TECHNICIAN_BLOCKED", "TECHNICIAN_BLOCKED", F],
  ],
  [
    "on m1's walk, m1 blocked",
    "repair.capture",
    lotWalk("m1", true),
    ["NOT_YOURS", "TECHNICIAN_BLOCKED", "TECHNICIAN_BLOCKED", F],
  ],
  ["start t1's walk", "walk.start", lotWalk("t1"), ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["start t2's walk", "walk.start", lotWalk("t2"), ["NOT_YOURS", "ok", "ok", F]],
  [
    "start t1's walk, t1 blocked",
    "walk.start",
    lotWalk("t1", true),
    ["TECHNICIAN_BLOCKED", "OUTSIDE_TEAM", "TECHNICIAN_BLOCKED", F],
  ],
  [
    "start t2's walk, t2 blocked",
    "walk.start",
    lotWalk("t2", true),
    ["NOT_YOURS", "TECHNICIAN_BLOCKED", "TECHNICIAN_BLOCKED", F],
  ],
  ["t1's walk", "walk.write", { technicianId: "t1", customerId: "A" }, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["t2's walk", "walk.write", { technicianId: "t2", customerId: "A" }, ["NOT_YOURS", "ok", "ok", F]],
  ["t1's walk at A", "walk.view", { technicianId: "t1", customerId: "A" }, ["ok", "OUTSIDE_TEAM", "ok", "ok"]],
  ["t2's walk at B", "walk.view", { technicianId: "t2", customerId: "B" }, ["NOT_YOURS", "ok", "ok", "OTHER_CUSTOMER"]],
  [
    "assign an unassigned walk to t2",
    "walk.plan",
    { walk: { technicianId: null, customerId: "A" }, targetTechnicianId: "t2", targetBlocked: false },
    [F, "ok", "ok", F],
  ],
  [
    "move t3's walk",
    "walk.plan",
    { walk: { technicianId: "t3", customerId: "A" }, targetTechnicianId: "t3", targetBlocked: false },
    [F, "OUTSIDE_TEAM", "ok", F],
  ],
  [
    "give t2's walk to t3",
    "walk.plan",
    { walk: { technicianId: "t2", customerId: "A" }, targetTechnicianId: "t3", targetBlocked: false },
    [F, "OUTSIDE_TEAM", "ok", F],
  ],
  [
    "assign a walk to a blocked technician",
    "walk.plan",
    { walk: { technicianId: null, customerId: "A" }, targetTechnicianId: "t2", targetBlocked: true },
    [F, "TECHNICIAN_BLOCKED", "TECHNICIAN_BLOCKED", F],
  ],
  [
    "unassign t2's walk",
    "walk.plan",
    { walk: { technicianId: "t2", customerId: "A" }, targetTechnicianId: null, targetBlocked: false },
    [F, "ok", "ok", F],
  ],
  ["", "walk.generate", null, [F, "ok", "ok", F]],
  ["sites of A", "customer.sites.view", { customerId: "A" }, [F, "ok", "ok", F]],
  ["sites of A", "customer.sites.edit", { customerId: "A" }, [F, F, "ok", F]],

  // Quick actions
  ["unassigned, not blocked", "repair.claim", { repair: unassigned, blockedByCustomer: false }, ["ok", "ok", F, F]],
  [
    "unassigned, blocked",
    "repair.claim",
    { repair: unassigned, blockedByCustomer: true },
    ["TECHNICIAN_BLOCKED", "TECHNICIAN_BLOCKED", F, F],
  ],
  [
    "already someone's",
    "repair.claim",
    { repair: team, blockedByCustomer: false },
    ["ALREADY_ASSIGNED", "ALREADY_ASSIGNED", F, F],
  ],
  ["own repair", "repair.markUrgent", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["team repair", "repair.markUrgent", team, ["NOT_YOURS", "ok", "ok", F]],
  ["own repair", "repair.sendToCustomer", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["unassigned repair", "repair.sendToCustomer", unassigned, ["NOT_YOURS", "ok", "ok", F]],
  ["own repair", "repair.followUp", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["outside the team", "repair.followUp", outside, ["NOT_YOURS", "OUTSIDE_TEAM", "ok", F]],
  ["own repair", "repair.requestParts", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["team repair", "repair.requestParts", team, ["NOT_YOURS", "ok", "ok", F]],
  ["own repair", "repair.applyTemplate", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["team repair", "repair.applyTemplate", team, ["NOT_YOURS", "ok", "ok", F]],
  ["team repair", "parts.manage", team, [F, "ok", "ok", F]],
  ["outside the team", "parts.manage", outside, [F, "OUTSIDE_TEAM", "ok", F]],
  ["serveable customer", "customer.favorite", { customerId: "A", blockedByCustomer: false }, ["ok", "ok", F, F]],
  [
    "customer blocking them",
    "customer.favorite",
    { customerId: "A", blockedByCustomer: true },
    ["TECHNICIAN_BLOCKED", "TECHNICIAN_BLOCKED", F, F],
  ],
  ["own company", "customer.inbox.view", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["another company", "customer.inbox.view", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["t1's template", "template.manage", { ownerTechnicianId: "t1" }, ["ok", "NOT_YOURS", "ok", F]],
  ["m1's template", "template.manage", { ownerTechnicianId: "m1" }, ["NOT_YOURS", "ok", "ok", F]],
  ["company-wide template", "template.manage", { ownerTechnicianId: null }, ["NOT_YOURS", "ok", "ok", F]],

  ["for own company", "repair.request", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["for another company", "repair.request", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],

  ["team repair $40", "repair.approve", team, [F, "ok", "ok", "ok"]],
  ["team repair at the $50 limit", "repair.approve", repair("t2", { priceCents: 5000 }), [F, "ok", "ok", "ok"]],
  [
    "team repair $65 over the limit",
    "repair.approve",
    repair("t2", { priceCents: 6500 }),
    [F, "OVER_APPROVAL_LIMIT", "ok", "ok"],
  ],
  ["unassigned repair", "repair.approve", unassigned, [F, "ok", "ok", "ok"]],
  ["repair outside the team", "repair.approve", outside, [F, "OUTSIDE_TEAM", "ok", "ok"]],
  ["another customer's repair", "repair.approve", otherCompany, [F, "ok", "ok", "OTHER_CUSTOMER"]],
  ["team repair $40", "repair.deny", team, [F, "ok", "ok", "ok"]],
  [
    "team repair $65 over the limit",
    "repair.deny",
    repair("t2", { priceCents: 6500 }),
    [F, "OVER_APPROVAL_LIMIT", "ok", "ok"],
  ],
  ["repair outside the team", "repair.deny", outside, [F, "OUTSIDE_TEAM", "ok", "ok"]],
  ["another customer's repair", "repair.deny", otherCompany, [F, "ok", "ok", "OTHER_CUSTOMER"]],

  [
    "unassigned to a managed technician",
    "repair.assign",
    { repair: unassigned, targetTechnicianId: "t2" },
    [F, "ok", "ok", F],
  ],
  ["unassigned to the manager", "repair.assign", { repair: unassigned, targetTechnicianId: "m1" }, [F, "ok", "ok", F]],
  [
    "unassigned to someone outside the team",
    "repair.assign",
    { repair: unassigned, targetTechnicianId: "t3" },
    [F, "OUTSIDE_TEAM", "ok", F],
  ],
  ["team repair to the manager", "repair.assign", { repair: team, targetTechnicianId: "m1" }, [F, "ok", "ok", F]],
  [
    "outside repair into the team",
    "repair.assign",
    { repair: outside, targetTechnicianId: "t2" },
    [F, "OUTSIDE_TEAM", "ok", F],
  ],

  [
    "to $30 with a reason",
    "repair.overridePrice",
    { repair: team, amountCents: 3000, reason: "loyal fleet" },
    [F, "ok", "ok", F],
  ],
  ["to $0 (free)", "repair.overridePrice", { repair: team, amountCents: 0, reason: "warranty" }, [F, "ok", "ok", F]],
  [
    "to $60, over the manager's limit",
    "repair.overridePrice",
    { repair: team, amountCents: 6000, reason: "rush" },
    [F, "OVER_APPROVAL_LIMIT", "ok", F],
  ],
  [
    "of a $65 repair over the limit, down to $30",
    "repair.overridePrice",
    { repair: repair("t2", { priceCents: 6500 }), amountCents: 3000, reason: "loyal fleet" },
    [F, "OVER_APPROVAL_LIMIT", "ok", F],
  ],
  [
    "of a repair at the $50 limit, down to $30",
    "repair.overridePrice",
    { repair: repair("t2", { priceCents: 5000 }), amountCents: 3000, reason: "loyal fleet" },
    [F, "ok", "ok", F],
  ],
  [
    "without a reason",
    "repair.overridePrice",
    { repair: team, amountCents: 3000, reason: "  " },
    [F, "REASON_REQUIRED", "REASON_REQUIRED", F],
  ],
  [
    "to a negative amount",
    "repair.overridePrice",
    { repair: team, amountCents: -1, reason: "x" },
    [F, "INVALID_AMOUNT", "INVALID_AMOUNT", F],
  ],
  [
    "to fractional cents",
    "repair.overridePrice",
    { repair: team, amountCents: 10.5, reason: "x" },
    [F, "INVALID_AMOUNT", "INVALID_AMOUNT", F],
  ],
  [
    "of a completed repair",
    "repair.overridePrice",
    { repair: repair("t2", { status: "COMPLETED" }), amountCents: 3000, reason: "x" },
    [F, "ok", "ok", F],
  ],
  [
    "of an invoiced repair",
    "repair.overridePrice",
    { repair: repair("t2", { status: "INVOICED" }), amountCents: 3000, reason: "x" },
    [F, "PRICE_LOCKED", "PRICE_LOCKED", F],
  ],
  [
    "of a cancelled repair",
    "repair.overridePrice",
    { repair: repair("t2", { status: "CANCELLED" }), amountCents: 3000, reason: "x" },
    [F, "PRICE_LOCKED", "PRICE_LOCKED", F],
  ],
  [
    "of a repair outside the team",
    "repair.overridePrice",
    { repair: outside, amountCents: 3000, reason: "x" },
    [F, "OUTSIDE_TEAM", "ok", F],
  ],

  ["own assigned repair", "repair.start", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["managed technician's repair", "repair.start", team, ["NOT_YOURS", "ok", "ok", F]],
  ["unassigned repair", "repair.start", unassigned, ["NOT_YOURS", "UNASSIGNED", "ok", F]],
  ["repair outside the team", "repair.start", outside, ["NOT_YOURS", "OUTSIDE_TEAM", "ok", F]],
  ["own assigned repair", "repair.complete", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["managed technician's repair", "repair.complete", team, ["NOT_YOURS", "ok", "ok", F]],
  ["unassigned repair", "repair.complete", unassigned, ["NOT_YOURS", "UNASSIGNED", "ok", F]],
  ["repair outside the team", "repair.complete", outside, ["NOT_YOURS", "OUTSIDE_TEAM", "ok", F]],
  ["own assigned repair", "repair.addPhoto", own, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["managed technician's repair", "repair.addPhoto", team, ["NOT_YOURS", "ok", "ok", F]],
  ["unassigned repair", "repair.addPhoto", unassigned, ["NOT_YOURS", "UNASSIGNED", "ok", F]],
  ["own completed repair", "repair.addPhoto", repair("t1", { status: "COMPLETED" }), ["ok", "OUTSIDE_TEAM", "ok", F]],
  [
    "own cancelled repair",
    "repair.addPhoto",
    repair("t1", { status: "CANCELLED" }),
    ["REPAIR_CLOSED", "OUTSIDE_TEAM", "REPAIR_CLOSED", F],
  ],
  [
    "team's denied repair",
    "repair.addPhoto",
    repair("t2", { status: "DENIED" }),
    ["NOT_YOURS", "REPAIR_CLOSED", "REPAIR_CLOSED", F],
  ],

  ["team repair", "repair.cancel", team, [F, "ok", "ok", "ok"]],
  ["repair outside the team", "repair.cancel", outside, [F, "OUTSIDE_TEAM", "ok", "ok"]],
  ["another customer's repair", "repair.cancel", otherCompany, [F, "ok", "ok", "OTHER_CUSTOMER"]],
  ["a completed repair", "repair.invoice", team, [F, F, "ok", F]],
  ["an invoiced repair", "repair.close", team, [F, F, "ok", F]],
  ["flagged team repair", "repair.resolveFlag", team, [F, "ok", "ok", F]],
  ["flagged unassigned repair", "repair.resolveFlag", unassigned, [F, "ok", "ok", F]],
  ["flagged repair outside the team", "repair.resolveFlag", outside, [F, "OUTSIDE_TEAM", "ok", F]],
  ["", "customer.create", null, [F, F, "ok", F]],

  ["own company", "customer.settings.view", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["another company", "customer.settings.view", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["own company", "customer.settings.edit", { customerId: "A" }, [F, F, "ok", F]],
  ["own company", "customer.preferences.edit", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["another company", "customer.preferences.edit", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["own company", "customer.priceList.view", { customerId: "A" }, ["ok", "ok", "ok", "ok"]],
  ["another company", "customer.priceList.view", { customerId: "B" }, ["ok", "ok", "ok", "OTHER_CUSTOMER"]],
  ["own company", "invoice.view", { customerId: "A" }, [F, "ok", "ok", "ok"]],
  ["another company", "invoice.view", { customerId: "B" }, [F, "ok", "ok", "OTHER_CUSTOMER"]],
  ["", "invoice.manage", null, [F, F, "ok", F]],
  ["own company", "rewards.view", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["another company", "rewards.view", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["own company", "rewards.manage", { customerId: "A" }, [F, F, "ok", F]],
  ["at own company", "unit.replaceWindshield", { customerId: "A" }, [F, "ok", "ok", F]],
  ["at own company", "unit.edit", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["at another company", "unit.edit", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["at own company", "unit.reportWindshield", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["at another company", "unit.reportWindshield", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["own company", "walk.request", { customerId: "A" }, [F, F, "ok", "ok"]],
  ["another company", "walk.request", { customerId: "B" }, [F, F, "ok", "OTHER_CUSTOMER"]],
  ["own repair's thread", "message.thread", { customerId: "A", repair: own }, ["ok", "OUTSIDE_TEAM", "ok", "ok"]],
  ["a team repair's thread", "message.thread", { customerId: "A", repair: team }, ["NOT_YOURS", "ok", "ok", "ok"]],
  [
    "an outside repair's thread",
    "message.thread",
    { customerId: "A", repair: outside },
    ["NOT_YOURS", "OUTSIDE_TEAM", "ok", "ok"],
  ],
  [
    "another company's repair thread",
    "message.thread",
    { customerId: "B", repair: otherCompany },
    ["NOT_YOURS", "ok", "ok", "OTHER_CUSTOMER"],
  ],
  ["own company's general thread", "message.thread", { customerId: "A", repair: null }, [F, "ok", "ok", "ok"]],
  [
    "another company's general thread",
    "message.thread",
    { customerId: "B", repair: null },
    [F, "ok", "ok", "OTHER_CUSTOMER"],
  ],
  ["t1's day", "technician.day.view", { technicianId: "t1" }, ["ok", "OUTSIDE_TEAM", "ok", F]],
  ["t2's day", "technician.day.view", { technicianId: "t2" }, ["NOT_YOURS", "ok", "ok", F]],
  ["m1's day", "technician.day.view", { technicianId: "m1" }, ["NOT_YOURS", "ok", "ok", F]],
  ["", "audit.view", null, [F, F, "ok", F]],
  ["", "user.manage", null, [F, F, "ok", F]],
];

const KINDS: ActorKind[] = ["technician", "manager", "admin", "customer"];
const cases = MATRIX.flatMap(([label, action, resource, outcomes]) =>
  KINDS.map((kind, i) => ({ kind, action, label, resource, want: outcomes[i] as Outcome })),
);

const outcome = (decision: ReturnType<typeof decide>): Outcome => (decision.allowed ? "ok" : decision.code);

describe("permission matrix", () => {
  it.each(cases)("$kind: $action $label -> $want", ({ kind, action, resource, want }) => {
    expect(outcome(decide(ACTORS[kind], action, resource as never))).toBe(want);
  });

  it("covers every permission action", () => {
    const covered = new Set(MATRIX.map((row) => row[1]));
    const all: PermissionAction[] = [
      "repair.view",
      "repair.capture",
      "repair.request",
      "repair.approve",
      "repair.deny",
      "repair.assign",
      "repair.overridePrice",
      "repair.start",
      "repair.complete",
      "repair.addPhoto",
      "repair.cancel",
      "repair.invoice",
      "repair.close",
      "repair.resolveFlag",
      "repair.claim",
      "repair.markUrgent",
      "repair.sendToCustomer",
      "repair.followUp",
      "repair.requestParts",
      "repair.applyTemplate",
      "parts.manage",
      "customer.favorite",
      "customer.inbox.view",
      "template.manage",
      "customer.create",
      "customer.settings.view",
      "customer.settings.edit",
      "customer.preferences.edit",
      "customer.priceList.view",
      "invoice.view",
      "invoice.manage",
      "rewards.view",
      "rewards.manage",
      "unit.replaceWindshield",
      "unit.edit",
      "unit.reportWindshield",
      "message.thread",
      "walk.request",
      "walk.start",
      "walk.write",
      "walk.view",
      "technician.day.view",
      "walk.plan",
      "walk.generate",
      "customer.sites.view",
      "customer.sites.edit",
      "audit.view",
      "user.manage",
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });
});

describe("actors and their profiles", () => {
  it("actorKind reads the role and the manager flag", () => {
    expect(KINDS.map((kind) => actorKind(ACTORS[kind]))).toEqual(KINDS);
  });

  it("a manager with no approval limit may approve any amount in the team", () => {
    const unlimited: Actor = {
      ...manager,
      technician: { ...profile("m1"), isManager: true, managedTechnicianIds: ["t2"], approvalLimitCents: null },
    };
    expect(decide(unlimited, "repair.approve", repair("t2", { priceCents: 10_000_000 }))).toEqual({ allowed: true });
  });

  it("a manager without the rights may not assign or override", () => {
    const plainManager: Actor = {
      ...manager,
      technician: { ...profile("m1"), isManager: true, managedTechnicianIds: ["t2"] },
    };
    expect(outcome(decide(plainManager, "repair.assign", { repair: unassigned, targetTechnicianId: "t2" }))).toBe(
      "FORBIDDEN",
    );
    expect(outcome(decide(plainManager, "repair.overridePrice", { repair: team, amountCents: 100, reason: "x" }))).toBe(
      "FORBIDDEN",
    );
    expect(outcome(decide(plainManager, "repair.approve", team))).toBe("ok");
  });

  it("managedTechnicianIds of a non-manager give no reach", () => {
    const notManager: Actor = { ...technician, technician: profile("t1", { managedTechnicianIds: ["t2"] }) };
    expect(outcome(decide(notManager, "repair.view", team))).toBe("NOT_YOURS");
  });

  it("an inactive technician or manager may do nothing", () => {
    const inactive: Actor = { ...technician, technician: profile("t1", { isActive: false }) };
    const inactiveManager: Actor = {
      ...manager,
      technician: profile("m1", { isManager: true, managedTechnicianIds: ["t2"], isActive: false }),
    };
    expect(outcome(decide(inactive, "repair.view", own))).toBe("INACTIVE_TECHNICIAN");
    expect(outcome(decide(inactiveManager, "repair.approve", team))).toBe("INACTIVE_TECHNICIAN");
  });

  it("a technician account without a profile, or a customer account without a company, may do nothing", () => {
    expect(outcome(decide({ userId: "x", role: "TECHNICIAN" }, "repair.view", own))).toBe("FORBIDDEN");
    expect(outcome(decide({ userId: "y", role: "CUSTOMER" }, "repair.view", own))).toBe("FORBIDDEN");
  });
});

describe("a customer user never reaches another customer's data", () => {
  const repairActions = [
    "repair.view",
    "repair.approve",
    "repair.deny",
    "repair.cancel",
    "repair.start",
    "repair.complete",
    "repair.invoice",
    "repair.close",
  ] as const;
  const companyActions = [
    "repair.request",
    "customer.settings.view",
    "customer.settings.edit",
    "customer.preferences.edit",
    "customer.priceList.view",
    "invoice.view",
    "rewards.view",
    "rewards.manage",
    "unit.replaceWindshield",
    "unit.edit",
    "unit.reportWindshield",
    "walk.request",
  ] as const;
  const id = fc.string({ minLength: 1, maxLength: 4 });

  it("on any repair of another company, whatever its state", () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.constantFrom(...repairActions),
        fc.option(id, { nil: null }),
        fc.nat(),
        (mine, theirs, action, tech, price) => {
          fc.pre(mine !== theirs);
          const actor: Actor = { userId: "u", role: "CUSTOMER", customerId: mine };
          const decision = decide(actor, action, {
            customerId: theirs,
            technicianId: tech,
            priceCents: price,
            status: "PENDING_APPROVAL",
          });
          expect(decision.allowed).toBe(false);
        },
      ),
    );
  });

  it("on any company-level resource of another company", () => {
    fc.assert(
      fc.property(id, id, fc.constantFrom(...companyActions), (mine, theirs, action) => {
        fc.pre(mine !== theirs);
        const actor: Actor = { userId: "u", role: "CUSTOMER", customerId: mine };
        expect(decide(actor, action, { customerId: theirs }).allowed).toBe(false);
      }),
    );
  });
});

describe("assertAllowed", () => {
  it("throws PermissionDenied with the code and the action", () => {
    try {
      assertAllowed(technician, "repair.overridePrice", { repair: own, amountCents: 0, reason: "free" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PermissionDenied);
      expect(error).toMatchObject({ code: "FORBIDDEN", action: "repair.overridePrice" });
    }
  });
  it("returns quietly when allowed", () => {
    expect(() => assertAllowed(admin, "audit.view", null)).not.toThrow();
  });
});
