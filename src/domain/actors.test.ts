import { describe, expect, it } from "vitest";
import { overseenTechnicianIds } from "./actors";
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
