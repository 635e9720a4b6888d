import { describe, expect, it } from "vitest";
import { refusalCode } from "./test-fixtures";
import { type TechnicianSettings, assertTechnicianSettings, workingHoursProblem } from "./team";

// m1 manages t1 and m2; m2 manages t2.
const teams = new Map<string, string[]>([
  ["m1", ["t1", "m2"]],
  ["m2", ["t2"]],
]);
const settings = (extra: Partial<TechnicianSettings>): TechnicianSettings => ({
  technicianId: "m2",
  isManager: true,
  approvalLimitCents: 15_000,
  managedTechnicianIds: ["t2"],
  workingHours: { monday: { start: "08:00", end: "17:00" } },
  ...extra,
});
const codeOf = (extra: Partial<TechnicianSettings>) =>
  refusalCode(() => assertTechnicianSettings(settings(extra), teams));

describe("a technician's rights and team", () => {
  it("accepts a coherent team, no limit, a $0 limit and no working hours", () => {
    expect(codeOf({})).toBe("ok");
    expect(codeOf({ approvalLimitCents: null, workingHours: {} })).toBe("ok");
    expect(codeOf({ approvalLimitCents: 0, managedTechnicianIds: ["t2", "t3"] })).toBe("ok");
    expect(codeOf({ technicianId: "t9", isManager: false, managedTechnicianIds: [] })).toBe("ok");
  });

  it("refuses managing oneself, one's own manager, or a circle further up", () => {
    expect(codeOf({ managedTechnicianIds: ["m2"] })).toBe("MANAGES_SELF");
    expect(codeOf({ managedTechnicianIds: ["m1"] })).toBe("MANAGEMENT_CYCLE");
    expect(codeOf({ technicianId: "t2", managedTechnicianIds: ["m1"] })).toBe("MANAGEMENT_CYCLE");
  });

  it("refuses a team without a manager and a negative or fractional limit", () => {
    expect(codeOf({ isManager: false })).toBe("TEAM_WITHOUT_MANAGER");
    expect(codeOf({ approvalLimitCents: -1 })).toBe("INVALID_APPROVAL_LIMIT");
    expect(codeOf({ approvalLimitCents: 99.5 })).toBe("INVALID_APPROVAL_LIMIT");
  });

  it("checks working hours per weekday as HH:MM to a later HH:MM", () => {
    expect(
      workingHoursProblem({ monday: { start: "07:00", end: "16:00" }, friday: { start: "07:00", end: "15:00" } }),
    ).toBeNull();
    expect(workingHoursProblem({ someday: { start: "07:00", end: "16:00" } })).toContain("not a weekday");
    expect(workingHoursProblem({ monday: { start: "7:00", end: "16:00" } })).toContain("HH:MM");
    expect(workingHoursProblem({ monday: { start: "16:00", end: "07:00" } })).toContain("end after it starts");
    expect(workingHoursProblem({ monday: null })).toContain("HH:MM");
    expect(workingHoursProblem([])).toContain("per weekday");
    expect(codeOf({ workingHours: { monday: { start: "25:00", end: "26:00" } } })).toBe("INVALID_WORKING_HOURS");
  });
});
