import { describe, expect, it } from "vitest";
import {
  afterQuietHours,
  defaultEnabled,
  digestPeriod,
  eventTypesFor,
  minutesOfDay,
  zonedInstant,
} from "./notification-preferences";

const TZ = "America/Denver";

describe("notification preferences", () => {
  it("defaults: customers are mailed what asks them to act, the office its requests, SMS never", () => {
    expect(defaultEnabled("APPROVAL_REQUIRED", "EMAIL", "customer")).toBe(true);
    expect(defaultEnabled("REPAIR_COMPLETED", "EMAIL", "customer")).toBe(true);
    expect(defaultEnabled("REPAIR_STARTED", "EMAIL", "customer")).toBe(false);
    expect(defaultEnabled("REPAIR_REQUESTED", "EMAIL", "office")).toBe(true);
    expect(defaultEnabled("APPROVAL_REQUIRED", "EMAIL", "office")).toBe(false);
    expect(defaultEnabled("APPROVAL_REQUIRED", "SMS", "customer")).toBe(false);
    expect(defaultEnabled("REPAIR_ASSIGNED", "PUSH", "technician")).toBe(true);
    expect(defaultEnabled("APPROVAL_REQUIRED", "PUSH", "customer")).toBe(false);
    expect(defaultEnabled("TRAINING_FLAG_RAISED", "EMAIL", "team")).toBe(true);
    expect(defaultEnabled("TRAINING_FLAG_RAISED", "EMAIL", "technician")).toBe(false);
  });

  it("lists only the events a person's audiences are told of", () => {
    expect(eventTypesFor(["technician"])).toEqual([
      "REPAIR_ASSIGNED",
      "LOT_WALK_SCHEDULED",
      "TRAINING_FLAG_RAISED",
      "TRAINING_FLAG_CLEARED",
    ]);
    // A technician's training flag is told to their own managers, not the whole office.
    expect(eventTypesFor(["team"])).toEqual(["TRAINING_FLAG_RAISED", "TRAINING_FLAG_CLEARED"]);
    expect(eventTypesFor(["office"])).not.toContain("TRAINING_FLAG_RAISED");
    expect(eventTypesFor(["customer"])).toContain("APPROVAL_REQUIRED");
    expect(eventTypesFor(["customer"])).not.toContain("REPAIR_REQUESTED");
  });

  it("a day's digest ends at the business's midnight; a week's on Monday's", () => {
    const at = new Date("2026-12-06T20:00:00Z"); // Sunday 13:00 in Denver
    expect(digestPeriod("daily", at, TZ)).toEqual({
      key: "daily:2026-12-06",
      endsAt: new Date("2026-12-07T07:00:00Z"),
    });
    expect(digestPeriod("weekly", at, TZ)).toEqual({
      key: "weekly:2026-11-30",
      endsAt: new Date("2026-12-07T07:00:00Z"),
    });
    expect(digestPeriod("hourly", at, TZ)).toEqual({
      key: "hourly:2026-12-06T13",
      endsAt: new Date("2026-12-06T21:00:00Z"),
    });
    // Just before midnight in Denver is still that day, though UTC is on the next.
    expect(digestPeriod("daily", new Date("2026-12-07T06:59:00Z"), TZ).key).toBe("daily:2026-12-06");
  });

  it("quiet hours hold a message until they end, across midnight", () => {
    const quiet = [minutesOfDay("21:00"), minutesOfDay("07:00")] as const;
    const evening = zonedInstant({ year: 2026, month: 12, day: 6, hour: 22, minute: 15 }, TZ);
    const morning = zonedInstant({ year: 2026, month: 12, day: 7, hour: 7, minute: 0 }, TZ);
    expect(afterQuietHours(evening, quiet[0], quiet[1], TZ)).toEqual(morning);
    const early = zonedInstant({ year: 2026, month: 12, day: 7, hour: 5, minute: 0 }, TZ);
    expect(afterQuietHours(early, quiet[0], quiet[1], TZ)).toEqual(morning);
    const noon = zonedInstant({ year: 2026, month: 12, day: 7, hour: 12, minute: 0 }, TZ);
    expect(afterQuietHours(noon, quiet[0], quiet[1], TZ)).toEqual(noon);
    expect(afterQuietHours(noon, null, null, TZ)).toEqual(noon);
    expect(minutesOfDay("24:00")).toBeNull();
  });
});
