import { describe, expect, it } from "vitest";
import { refusalCode } from "./test-fixtures";
import { type FleetSettings, assertFleetSettings, lotWalkingSchedule, lotWalkingWeekdays } from "./fleet-settings";

const valid: FleetSettings = {
  fleetSize: 140,
  lotWalkingEnabled: true,
  lotWalkingWeekdays: ["monday", "thursday"],
  lotWalkingTime: "07:30",
  maxAutoApproveCents: 10_000,
  preferredTechnicianIds: ["t1"],
  blockedTechnicianIds: ["t2"],
};
const codeOf = (settings: Partial<FleetSettings>) => refusalCode(() => assertFleetSettings({ ...valid, ...settings }));

describe("fleet settings", () => {
  it("accepts a coherent set, including no fixed time and a $0 auto-approve limit", () => {
    expect(codeOf({})).toBe("ok");
    expect(codeOf({ lotWalkingTime: null, maxAutoApproveCents: 0, fleetSize: 0 })).toBe("ok");
    expect(codeOf({ lotWalkingEnabled: false, lotWalkingWeekdays: [] })).toBe("ok");
  });

  it("refuses each contradiction with its own code", () => {
    expect(codeOf({ fleetSize: -1 })).toBe("INVALID_FLEET_SIZE");
    expect(codeOf({ lotWalkingWeekdays: ["monday", "funday"] })).toBe("INVALID_WEEKDAY");
    expect(codeOf({ lotWalkingWeekdays: [] })).toBe("SCHEDULE_WITHOUT_DAYS");
    expect(codeOf({ lotWalkingTime: "24:00" })).toBe("INVALID_TIME_OF_DAY");
    expect(codeOf({ lotWalkingTime: "7:30" })).toBe("INVALID_TIME_OF_DAY");
    expect(codeOf({ maxAutoApproveCents: 10.5 })).toBe("INVALID_AUTO_APPROVE_LIMIT");
    expect(codeOf({ preferredTechnicianIds: ["t1", "t2"] })).toBe("TECHNICIAN_PREFERRED_AND_BLOCKED");
  });

  it("stores the schedule as {weekday: true} and reads it back in week order", () => {
    expect(lotWalkingSchedule(["thursday", "monday"])).toEqual({ monday: true, thursday: true });
    expect(lotWalkingWeekdays({ thursday: true, monday: true, sunday: false, holiday: true })).toEqual([
      "monday",
      "thursday",
    ]);
    expect(lotWalkingWeekdays(null)).toEqual([]);
  });
});
