import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generatedWalkTechnician,
  WALK_LENGTH_MINUTES,
  type WalkScheduleSettings,
  addDays,
  assertWalkPlan,
  coordinatesProblem,
  isScheduledDay,
  mondayOf,
  scheduledWalkDates,
  slotsOverlap,
  weekdayOf,
} from "./walk-schedule";
import { WEEKDAYS, type Weekday } from "./week";

const tueThu: WalkScheduleSettings = {
  lotWalkingEnabled: true,
  weekdays: ["tuesday", "thursday"],
  frequency: "WEEKLY",
  serviceMode: "SCHEDULED",
};

const settingsArb = fc.record({
  lotWalkingEnabled: fc.boolean(),
  weekdays: fc.subarray([...WEEKDAYS] as Weekday[]),
  frequency: fc.constantFrom("WEEKLY", "BIWEEKLY", "MONTHLY") as fc.Arbitrary<WalkScheduleSettings["frequency"]>,
  serviceMode: fc.constantFrom("SCHEDULED", "HYBRID", "ON_CALL") as fc.Arbitrary<WalkScheduleSettings["serviceMode"]>,
});
const dayArb = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays("2020-01-01", n));

describe("calendar helpers", () => {
  it("names weekdays and Mondays", () => {
    expect(weekdayOf("2026-12-06")).toBe("sunday");
    expect(weekdayOf("2026-12-08")).toBe("tuesday");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("scheduledWalkDates", () => {
  it("gives every Tuesday and Thursday of the horizon, weekly", () => {
    expect(scheduledWalkDates(tueThu, "2026-12-06", 2)).toEqual([
      "2026-12-08",
      "2026-12-10",
      "2026-12-15",
      "2026-12-17",
    ]);
  });

  it("includes today when today is a walk day", () => {
    expect(scheduledWalkDates(tueThu, "2026-12-08", 1)[0]).toBe("2026-12-08");
  });

  it("gives nothing when lot walking is off, no day is chosen or the service is on call", () => {
    expect(scheduledWalkDates({ ...tueThu, lotWalkingEnabled: false }, "2026-12-06", 4)).toEqual([]);
    expect(scheduledWalkDates({ ...tueThu, weekdays: [] }, "2026-12-06", 4)).toEqual([]);
    expect(scheduledWalkDates({ ...tueThu, serviceMode: "ON_CALL" }, "2026-12-06", 4)).toEqual([]);
    expect(scheduledWalkDates({ ...tueThu, serviceMode: "HYBRID" }, "2026-12-06", 1)).toHaveLength(2);
  });

  it("every two weeks: even ISO weeks from the 1970-01-05 epoch", () => {
    const dates = scheduledWalkDates({ ...tueThu, frequency: "BIWEEKLY" }, "2026-12-06", 4);
    // 2026-11-30 is week 2917 (odd), so the walks fall in the weeks of Dec 7 and Dec 21.
    expect(dates).toEqual(["2026-12-08", "2026-12-10", "2026-12-22", "2026-12-24"]);
  });

  it("monthly: the first day of each month on a chosen weekday", () => {
    const dates = scheduledWalkDates({ ...tueThu, frequency: "MONTHLY" }, "2026-12-01", 10);
    expect(dates).toEqual(["2026-12-01", "2027-01-05", "2027-02-02"]);
  });

  it("refuses a horizon outside 1 to 26 weeks", () => {
    expect(() => scheduledWalkDates(tueThu, "2026-12-06", 0)).toThrow(/horizon/);
    expect(() => scheduledWalkDates(tueThu, "2026-12-06", 27)).toThrow(/horizon/);
  });

  it("is stable: a rerun on a later day gives the same days where the horizons meet", () => {
    fc.assert(
      fc.property(settingsArb, dayArb, fc.integer({ min: 1, max: 20 }), (settings, today, shift) => {
        const first = scheduledWalkDates(settings, today, 8);
        const later = addDays(today, shift);
        const second = scheduledWalkDates(settings, later, 8);
        const end = addDays(today, 8 * 7);
        expect(second.filter((d) => d < end)).toEqual(first.filter((d) => d >= later));
      }),
    );
  });

  it("only gives chosen weekdays, in order, within the horizon, at the frequency's pace", () => {
    fc.assert(
      fc.property(settingsArb, dayArb, fc.integer({ min: 1, max: 26 }), (settings, today, weeks) => {
        const dates = scheduledWalkDates(settings, today, weeks);
        const end = addDays(today, weeks * 7);
        for (const d of dates) {
          expect(settings.weekdays).toContain(weekdayOf(d));
          expect(d >= today && d < end).toBe(true);
        }
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
        if (settings.frequency === "MONTHLY") {
          const months = dates.map((d) => d.slice(0, 7));
          expect(new Set(months).size).toBe(months.length);
        }
        if (settings.frequency === "BIWEEKLY") {
          const mondays = new Set(dates.map(mondayOf));
          for (const m of mondays) expect(mondays.has(addDays(m, 7))).toBe(false);
        }
        if (settings.frequency === "WEEKLY" && dates.length > 0) {
          expect(dates.length).toBe(weeks * settings.weekdays.length);
        }
      }),
    );
  });

  it("a day is scheduled exactly when it is among the generated dates", () => {
    fc.assert(
      fc.property(settingsArb, dayArb, (settings, today) => {
        const dates = new Set(scheduledWalkDates(settings, today, 6));
        for (let i = 0; i < 42; i += 1) {
          const d = addDays(today, i);
          expect(isScheduledDay(settings, d)).toBe(dates.has(d));
        }
      }),
    );
  });
});

describe("assertWalkPlan", () => {
  const today = "2026-12-06";

  it("refuses a walk in the past", () => {
    expect(() => assertWalkPlan({ id: "a", date: "2026-12-05", time: "09:00" }, today, [])).toThrow(
      expect.objectContaining({ code: "WALK_IN_PAST" }),
    );
    expect(() => assertWalkPlan({ id: "a", date: today, time: "09:00" }, today, [])).not.toThrow();
  });

  it("refuses overlapping walks of one technician, the walk itself aside", () => {
    const other = { id: "b", date: "2026-12-08", time: "09:00" };
    expect(() => assertWalkPlan({ id: "a", date: "2026-12-08", time: "10:30" }, today, [other])).toThrow(
      expect.objectContaining({ code: "WALKS_OVERLAP" }),
    );
    expect(() => assertWalkPlan({ id: "a", date: "2026-12-08", time: "11:00" }, today, [other])).not.toThrow();
    expect(() => assertWalkPlan({ id: "b", date: "2026-12-08", time: "09:30" }, today, [other])).not.toThrow();
    expect(() => assertWalkPlan({ id: "a", date: "2026-12-08", time: null }, today, [other])).not.toThrow();
  });

  it("refuses a time that is not HH:MM and a date that is not a date", () => {
    expect(() => assertWalkPlan({ id: "a", date: "2026-12-08", time: "25:00" }, today, [])).toThrow(
      expect.objectContaining({ code: "INVALID_WALK_DATE" }),
    );
    expect(() => assertWalkPlan({ id: "a", date: "2026-02-30", time: null }, today, [])).toThrow(
      expect.objectContaining({ code: "INVALID_WALK_DATE" }),
    );
  });

  it("overlap is symmetric and means starts closer than the walk length on one day", () => {
    const time = fc
      .integer({ min: 0, max: 23 * 60 + 59 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
    fc.assert(
      fc.property(time, time, (t1, t2) => {
        const a = { id: "a", date: today, time: t1 };
        const b = { id: "b", date: today, time: t2 };
        const gap = Math.abs(
          Number(t1.slice(0, 2)) * 60 + Number(t1.slice(3)) - Number(t2.slice(0, 2)) * 60 - Number(t2.slice(3)),
        );
        expect(slotsOverlap(a, b)).toBe(slotsOverlap(b, a));
        expect(slotsOverlap(a, b)).toBe(gap < WALK_LENGTH_MINUTES);
        expect(slotsOverlap(a, { ...b, date: "2026-12-07" })).toBe(false);
      }),
    );
  });
});

describe("coordinatesProblem", () => {
  it("accepts Denver and the edges, refuses out of range", () => {
    expect(coordinatesProblem(39.7392, -104.9903)).toBeNull();
    expect(coordinatesProblem(90, 180)).toBeNull();
    expect(coordinatesProblem(90.1, 0)).toMatch(/latitude/);
    expect(coordinatesProblem(0, -180.5)).toMatch(/longitude/);
    expect(coordinatesProblem(Number.NaN, 0)).toMatch(/latitude/);
  });
});

describe("generatedWalkTechnician", () => {
  const ann = { id: "a", name: "Ann", isActive: true };
  const bo = { id: "b", name: "Bo", isActive: true };
  it("gives a generated walk to the only preferred technician, saying why", () => {
    expect(generatedWalkTechnician([ann], new Set())).toEqual({
      id: "a",
      reason: "Ann is this customer's only preferred technician (scheduled walk).",
    });
  });
  it("leaves it to the office with several, none, an inactive or a blocked one", () => {
    expect(generatedWalkTechnician([ann, bo], new Set())).toBeNull();
    expect(generatedWalkTechnician([], new Set())).toBeNull();
    expect(generatedWalkTechnician([{ ...ann, isActive: false }], new Set())).toBeNull();
    expect(generatedWalkTechnician([ann], new Set(["a"]))).toBeNull();
    // The blocked one does not count: the other is then the only one.
    expect(generatedWalkTechnician([ann, bo], new Set(["a"]))?.id).toBe("b");
  });
});
