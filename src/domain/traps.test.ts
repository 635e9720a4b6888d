import { describe, expect, it } from "vitest";
import { type Actor } from "./actors";
import { authorizeTransition } from "./authorize";
import { freezeQuote, repriceIfNotFrozen } from "./frozen-quote";
import { decide } from "./permissions";
import { priceRepair } from "./pricing";
import { DEFAULT_PRICING_RULES } from "./pricing-rules";
import { STATUSES } from "./status";
import { ACTIONS, TransitionRefused, checkTransition, transition } from "./transitions";
import { CUSTOM_60_50_45 } from "./test-fixtures";

// One test per mistake we design against (docs/architecture.md) that pure rules can prevent.

const technician: Actor = {
  userId: "u-t1",
  role: "TECHNICIAN",
  technician: {
    id: "t1",
    isManager: false,
    approvalLimitCents: null,
    canAssignWork: false,
    canOverridePricing: false,
    managedTechnicianIds: [],
    isActive: true,
  },
};
const customerA: Actor = { userId: "u-ca", role: "CUSTOMER", customerId: "A" };
const customerB: Actor = { userId: "u-cb", role: "CUSTOMER", customerId: "B" };

describe("mistakes we design against", () => {
  it("a status change with no rule in the table is refused", () => {
    expect(() =>
      transition({ action: "complete", from: "REQUESTED", actor: "admin", facts: { hasAfterPhoto: true } }),
    ).toThrow(TransitionRefused);
    expect(() => transition({ action: "start", from: "COMPLETED", actor: "admin" })).toThrow(
      expect.objectContaining({ code: "NO_SUCH_TRANSITION" }),
    );
  });

  it("approving or denying a repair that is not pending is refused, for everyone", () => {
    for (const from of STATUSES.filter((s) => s !== "PENDING_APPROVAL")) {
      for (const actor of ["customer", "manager", "admin"] as const) {
        expect(checkTransition({ action: "approve", from, actor }).ok).toBe(false);
        expect(checkTransition({ action: "deny", from, actor, facts: { reason: "no" } }).ok).toBe(false);
      }
    }
  });

  it("a price override without the right is refused", () => {
    const repair = { customerId: "A", technicianId: "t1", priceCents: 4000, status: "ASSIGNED" as const };
    expect(decide(technician, "repair.overridePrice", { repair, amountCents: 0, reason: "my friend" })).toMatchObject({
      allowed: false,
      code: "FORBIDDEN",
    });
    expect(decide(customerA, "repair.overridePrice", { repair, amountCents: 0, reason: "please" })).toMatchObject({
      allowed: false,
      code: "FORBIDDEN",
    });
  });

  it("a customer acting on another customer's repair is refused", () => {
    const theirs = { customerId: "A", technicianId: null, priceCents: 4000, status: "PENDING_APPROVAL" as const };
    expect(() => authorizeTransition(customerB, "approve", theirs)).toThrow(
      expect.objectContaining({ code: "OTHER_CUSTOMER" }),
    );
    expect(() => authorizeTransition(customerB, "deny", theirs, { reason: "sabotage" })).toThrow(
      expect.objectContaining({ code: "OTHER_CUSTOMER" }),
    );
    expect(() => authorizeTransition(customerB, "cancel", theirs, { reason: "x" })).toThrow(
      expect.objectContaining({ code: "OTHER_CUSTOMER" }),
    );
    expect(decide(customerB, "repair.view", theirs).allowed).toBe(false);
  });

  it("a denied repair cannot be restarted (or changed in any way) by a technician, nor by anyone", () => {
    const denied = { customerId: "A", technicianId: "t1", priceCents: 4000, status: "DENIED" as const };
    expect(() => authorizeTransition(technician, "start", denied)).toThrow(
      expect.objectContaining({ code: "NO_SUCH_TRANSITION" }),
    );
    for (const action of ACTIONS) {
      for (const actor of ["technician", "manager", "admin", "customer"] as const) {
        expect(checkTransition({ action, from: "DENIED", actor, facts: { reason: "r", hasAfterPhoto: true } }).ok).toBe(
          false,
        );
      }
    }
  });

  it("re-saving an old completed repair does not change its historical price", () => {
    const atCompletion = freezeQuote(
      priceRepair({ completedOnWindshield: 0, customerCompletedThisMonth: 0, rules: DEFAULT_PRICING_RULES }),
    );
    const resaved = repriceIfNotFrozen(atCompletion, {
      completedOnWindshield: 5,
      customerCompletedThisMonth: 40,
      rules: CUSTOM_60_50_45,
    });
    expect(resaved.cents).toBe(5000);
    expect(resaved.source).toBe("DEFAULT_TIER");
  });

  it("a customer's own request is its approval: no second approval step", () => {
    expect(transition({ action: "request", from: null, actor: "customer" })).toEqual({ to: "REQUESTED" });
    expect(checkTransition({ action: "approve", from: "REQUESTED", actor: "customer" }).ok).toBe(false);
  });
});
