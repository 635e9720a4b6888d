import { describe, expect, it } from "vitest";
import {
  InvalidBusinessTime,
  businessDayStart,
  businessYear,
  countInSameMonth,
  dayKey,
  monthKey,
  sameBusinessDay,
} from "./business-month";

describe("monthKey", () => {
  it("names the month in the business time zone", () => {
    expect(monthKey(new Date("2026-11-15T12:00:00Z"), "America/Phoenix")).toBe("2026-11");
  });
  it("an evening repair on the last day of the month stays in that month locally", () => {
    // 2026-11-01T03:00Z is Oct 31, 8 pm in Phoenix (UTC-7, no DST).
    const lateOctober = new Date("2026-11-01T03:00:00Z");
    expect(monthKey(lateOctober, "America/Phoenix")).toBe("2026-10");
    expect(monthKey(lateOctober, "UTC")).toBe("2026-11");
  });
  it("crosses the year boundary in the local zone", () => {
    expect(monthKey(new Date("2027-01-01T07:59:00Z"), "America/Los_Angeles")).toBe("2026-12");
    expect(monthKey(new Date("2026-12-31T23:30:00Z"), "Pacific/Auckland")).toBe("2027-01");
  });
  it("refuses an unknown time zone or an invalid date", () => {
    expect(() => monthKey(new Date(), "Mars/Olympus_Mons")).toThrow(InvalidBusinessTime);
    expect(() => monthKey(new Date("nope"), "UTC")).toThrow(InvalidBusinessTime);
  });
});

describe("countInSameMonth", () => {
  it("counts completions of the same business month only", () => {
    const completions = [
      new Date("2026-10-05T18:00:00Z"),
      new Date("2026-11-01T03:00:00Z"), // still October in Phoenix
      new Date("2026-11-02T18:00:00Z"),
    ];
    expect(countInSameMonth(completions, new Date("2026-10-20T18:00:00Z"), "America/Phoenix")).toBe(2);
    expect(countInSameMonth(completions, new Date("2026-10-20T18:00:00Z"), "UTC")).toBe(1);
  });
});

describe("the business day", () => {
  it("reads the calendar day in the business time zone, not in UTC", () => {
    const evening = new Date("2026-11-30T04:00:00Z"); // 9 pm on Nov 29 in Denver
    expect(dayKey(evening, "America/Denver")).toBe("2026-11-29");
    expect(dayKey(evening, "UTC")).toBe("2026-11-30");
  });

  it("compares two instants by their business day", () => {
    const morning = new Date("2026-11-29T14:00:00Z");
    const evening = new Date("2026-11-30T04:00:00Z");
    expect(sameBusinessDay(morning, evening, "America/Denver")).toBe(true);
    expect(sameBusinessDay(morning, evening, "UTC")).toBe(false);
  });

  it("reads the year the same way", () => {
    expect(businessYear(new Date("2027-01-01T03:00:00Z"), "America/Denver")).toBe(2026);
    expect(businessYear(new Date("2027-01-01T03:00:00Z"), "UTC")).toBe(2027);
  });

  it("refuses an unknown time zone and an invalid date", () => {
    expect(() => dayKey(new Date(), "Mars/Olympus")).toThrow(InvalidBusinessTime);
    expect(() => dayKey(new Date("nope"), "UTC")).toThrow(InvalidBusinessTime);
  });
});

describe("businessDayStart", () => {
  it("is the business's midnight, as an instant", () => {
    expect(businessDayStart("2026-12-07", "America/Denver").toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(businessDayStart("2026-07-07", "America/Denver").toISOString()).toBe("2026-07-07T06:00:00.000Z");
    expect(businessDayStart("2026-12-07", "UTC").toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(businessDayStart("2026-12-07", "Pacific/Kiritimati").toISOString()).toBe("2026-12-06T10:00:00.000Z");
    expect(businessDayStart("2026-12-07", "Pacific/Pago_Pago").toISOString()).toBe("2026-12-07T11:00:00.000Z");
  });

  it("is the first minute of a day whose midnight a clock change skips", () => {
    // Santiago moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    expect(businessDayStart("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("starts each day where the one before ends, around a clock change", () => {
    for (const day of ["2026-03-08", "2026-03-09", "2026-11-01", "2026-11-02"]) {
      const start = businessDayStart(day, "America/New_York");
      expect(dayKey(start, "America/New_York")).toBe(day);
      expect(dayKey(new Date(start.getTime() - 1), "America/New_York")).not.toBe(day);
    }
  });

  it("refuses what is not a day", () => {
    expect(() => businessDayStart("7 Dec", "UTC")).toThrow(InvalidBusinessTime);
  });
});
