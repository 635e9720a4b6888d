import { describe, expect, it } from "vitest";
import { mayAssignWork, overseenTechnicianIds } from "./actors";
import { technicianProfile } from "./test-fixtures";

describe("overseenTechnicianIds", () => {
  it("is everyone for an admin, the team for a manager, oneself for a technician, nobody for a customer", () => {
    expect(overseenTechnicianIds({ userId: "a", role: "ADMIN" })).toBe("all");
    expect(
      overseenTechnicianIds({
        userId: "m",
        role: "TECHNICIAN",
        technician: technicianProfile("m", { isManager: true, managedTechnicianIds: ["t1", "t2"] }),
      }),
    ).toEqual(new Set(["m", "t1", "t2"]));
    expect(overseenTechnicianIds({ userId: "t", role: "TECHNICIAN", technician: technicianProfile("t") })).toEqual(
      new Set(["t"]),
    );
    expect(overseenTechnicianIds({ userId: "c", role: "CUSTOMER", customerId: "x" })).toEqual(new Set());
  });
});

describe("mayAssignWork", () => {
  it("is true for an admin and a manager allowed to assign, false for other managers, technicians and customers", () => {
    const manager = (canAssignWork: boolean) => ({
      userId: "m",
      role: "TECHNICIAN" as const,
      technician: technicianProfile("m", { isManager: true, canAssignWork }),
    });
    expect(mayAssignWork({ userId: "a", role: "ADMIN" })).toBe(true);
    expect(mayAssignWork(manager(true))).toBe(true);
    expect(mayAssignWork(manager(false))).toBe(false);
    expect(
      mayAssignWork({ userId: "t", role: "TECHNICIAN", technician: technicianProfile("t", { canAssignWork: true }) }),
    ).toBe(false);
    expect(mayAssignWork({ userId: "c", role: "CUSTOMER", customerId: "x" })).toBe(false);
  });
});
