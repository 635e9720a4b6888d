import { describe, expect, it } from "vitest";
import { type Actor } from "./actors";
import { type AssigneeCandidate, assignableTechnicians } from "./assignment";
import { type RepairRef } from "./permissions";
import { technicianProfile as profile } from "./test-fixtures";

const manager: Actor = {
  userId: "u-m1",
  role: "TECHNICIAN",
  technician: profile("m1", { isManager: true, canAssignWork: true, managedTechnicianIds: ["t1", "t2", "t4"] }),
};
const admin: Actor = { userId: "u-a", role: "ADMIN" };

const candidate = (technicianId: string, name: string, extra: Partial<AssigneeCandidate> = {}): AssigneeCandidate => ({
  technicianId,
  name,
  isActive: true,
  blockedByCustomer: false,
  preferredByCustomer: false,
  ...extra,
});
const everyone = [
  candidate("t1", "Tina"),
  candidate("t2", "Bob", { blockedByCustomer: true }),
  candidate("t3", "Theo"), // outside the manager's team
  candidate("t4", "Zoe", { preferredByCustomer: true }),
  candidate("t5", "Ivy", { isActive: false }),
  candidate("m1", "Maya"),
];
const request: RepairRef = { customerId: "A", technicianId: null, priceCents: 5000, status: "REQUESTED" };
const names = (list: AssigneeCandidate[]) => list.map((c) => c.name);

describe("who a repair may be assigned to", () => {
  it("a manager: own team only, active and not blocked, preferred first then by name", () => {
    expect(names(assignableTechnicians(manager, request, everyone))).toEqual(["Zoe", "Maya", "Tina"]);
  });

  it("an admin: every active technician the customer has not blocked", () => {
    expect(names(assignableTechnicians(admin, request, everyone))).toEqual(["Zoe", "Maya", "Theo", "Tina"]);
  });

  it("reassigning leaves out the technician who has it", () => {
    expect(
      names(assignableTechnicians(admin, { ...request, status: "ASSIGNED", technicianId: "t1" }, everyone)),
    ).toEqual(["Zoe", "Maya", "Theo"]);
  });

  it("nobody when the manager may not assign or the repair cannot be assigned", () => {
    const cannot: Actor = { ...manager, technician: { ...manager.technician!, canAssignWork: false } };
    expect(assignableTechnicians(cannot, request, everyone)).toEqual([]);
    expect(assignableTechnicians(admin, { ...request, status: "PENDING_APPROVAL" }, everyone)).toEqual([]);
    expect(assignableTechnicians(admin, { ...request, status: "COMPLETED", technicianId: "t1" }, everyone)).toEqual([]);
  });
});
