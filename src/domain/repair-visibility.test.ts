import { describe, expect, it } from "vitest";
import type { Actor } from "./actors";
import { STAFF_ONLY_REPAIR_FIELDS, visibleRepair } from "./repair-visibility";
import { technicianProfile } from "./test-fixtures";

const repair = {
  id: "r1",
  status: "APPROVED",
  estimateCents: 5000,
  customerNotes: "by the mirror",
  technicianNotes: "resin ran short",
  flaggedReason: "device estimate differs",
  flagResolvedAt: null,
  flagResolvedById: null,
  flagResolutionNote: null,
  deviceEstimateCents: 4000,
  deviceAutoApproved: true,
};

const actors: Record<string, Actor> = {
  admin: { userId: "a", role: "ADMIN" },
  manager: { userId: "m", role: "TECHNICIAN", technician: technicianProfile("tm", { isManager: true }) },
  technician: { userId: "t", role: "TECHNICIAN", technician: technicianProfile("tt") },
  customer: { userId: "c", role: "CUSTOMER", customerId: "cust" },
};

describe("visibleRepair", () => {
  it("removes every staff-only field for a customer and keeps the rest as is", () => {
    const view = visibleRepair(actors.customer!, repair);
    for (const field of STAFF_ONLY_REPAIR_FIELDS) expect(view).not.toHaveProperty(field);
    expect(view).toEqual({ id: "r1", status: "APPROVED", estimateCents: 5000, customerNotes: "by the mirror" });
    expect(repair.technicianNotes).toBe("resin ran short"); // the record itself is untouched
  });

  it.each(["admin", "manager", "technician"])("shows %s every field", (kind) => {
    expect(visibleRepair(actors[kind]!, repair)).toEqual(repair);
  });
});
