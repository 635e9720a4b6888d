import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KNOWN_SEASON, generateFleetHistory } from "./fleet-history";
import {
  backtest,
  forecastMonthly,
  lastThreeMonthsMean,
  meanAbsoluteError,
  mtbfDays,
  sameMonthLastYear,
  seasonalIndex,
  suggestedActions,
  unitRisk,
} from "./maintenance-forecast";

const FLAT = Array(12).fill(1);

describe("mean time between failures", () => {
  it("is the mean gap between repairs, in any order; none with fewer than two", () => {
    expect(mtbfDays(["2026-01-01", "2026-03-02", "2026-01-31"])).toBe(30);
    expect(mtbfDays(["2026-01-01"])).toBeNull();
    expect(mtbfDays([])).toBeNull();
  });
});

describe("seasonal index", () => {
  it("averages 1 and finds the busy months; one year of history is not a season", () => {
    const twoYears = [...Array(2)].flatMap(() => [20, 20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20]);
    const index = seasonalIndex(twoYears, 1);
    expect(index.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(1, 10);
    expect(index[0]).toBeCloseTo(20 / 12.5, 10);
    expect(seasonalIndex(twoYears.slice(0, 12), 1)).toEqual(FLAT);
  });
  it("follows the calendar when the history starts mid-year", () => {
    const fromJuly = [...Array(3)].flatMap(() => [10, 10, 10, 10, 10, 30, 30, 10, 10, 10, 10, 10]); // Dec, Jan busy
    const index = seasonalIndex(fromJuly, 7);
    expect(index[11]).toBeGreaterThan(1.5);
    expect(index[0]).toBeGreaterThan(1.5);
    expect(index[6]).toBeLessThan(1);
  });
});

describe("unit risk", () => {
  const base = { fleetRatePerDay: 1 / 365, season: FLAT, today: "2026-12-06" };

  it("is the chance of a repair within 30 days, with the next likely repair and an inspection before it", () => {
    const risk = unitRisk({ ...base, repairDates: ["2026-09-01", "2026-10-01", "2026-10-31"] });
    expect(risk.mtbfDays).toBe(30);
    expect(risk.score).toBe(Math.round(100 * (1 - Math.exp(-1))));
    // The next repair was due on 2026-11-30, already past: it is likely any day now.
    expect(risk.nextLikelyRepairOn).toBe("2026-12-06");
    expect(risk.recommendedInspectionOn).toBe("2026-12-06");
    const later = unitRisk({ ...base, repairDates: ["2026-06-01", "2026-12-01"] });
    expect(later.nextLikelyRepairOn).toBe("2027-06-02"); // 183 days after the last
    expect(later.recommendedInspectionOn).toBe("2027-05-19");
  });

  it("uses the fleet's rate for a unit with too little history, and says no date", () => {
    const risk = unitRisk({ ...base, repairDates: ["2026-11-01"] });
    expect(risk).toEqual({
      score: Math.round(100 * (1 - Math.exp(-30 / 365))),
      mtbfDays: null,
      nextLikelyRepairOn: null,
      recommendedInspectionOn: null,
    });
  });

  it("never falls when breaks come more often or the coming season is busier", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 400 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (gap, shorter, factor, more) => {
          const dates = (g: number) => ["2026-01-01", new Date(Date.UTC(2026, 0, 1 + g)).toISOString().slice(0, 10)];
          const season = (f: number) => Array(12).fill(f);
          const at = (g: number, f: number) => unitRisk({ ...base, repairDates: dates(g), season: season(f) }).score;
          return at(Math.max(1, gap - shorter), factor) >= at(gap, factor) && at(gap, factor + more) >= at(gap, factor);
        },
      ),
    );
  });
});

describe("suggested actions", () => {
  it("suggests walking the lot before a busy month, and inspecting a unit at high risk", () => {
    const season = [1.4, 1.3, 1.1, 0.9, 0.8, 0.7, 0.8, 0.8, 0.9, 1.0, 1.0, 1.3];
    expect(suggestedActions(season, "2026-11-10")).toEqual([
      "Walk this lot before December: repairs run 30% above average then.",
    ]);
    expect(suggestedActions(FLAT, "2026-11-10")).toEqual([]);
    const risk = { score: 63, mtbfDays: 30, nextLikelyRepairOn: "2026-12-20", recommendedInspectionOn: "2026-12-06" };
    expect(suggestedActions(FLAT, "2026-11-10", risk)).toEqual(["Inspect this unit by 2026-12-06 (risk 63)."]);
  });
});

describe("forecast", () => {
  it("projects the last year's level through the season", () => {
    const season = [2, ...Array(11).fill(10 / 11)];
    const history = Array.from({ length: 12 }, (_, i) => (i === 0 ? 20 : 10 * (10 / 11) * 1));
    const [january, february] = forecastMonthly(history, 1, 2, season);
    expect(january! / february!).toBeCloseTo(2 / (10 / 11), 10);
  });

  it("naive forecasts repeat last year, or the last three months' mean", () => {
    const history = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(sameMonthLastYear(history, 3)).toEqual([1, 2, 3]);
    expect(lastThreeMonthsMean(history, 2)).toEqual([11, 11]);
    expect(meanAbsoluteError([1, 2], [2, 4])).toBe(1.5);
    expect(() => meanAbsoluteError([1], [])).toThrow(RangeError);
  });

  it("beats both naive forecasts on a 3-year history of 200 customers (30 months to train, 6 to predict)", () => {
    const { monthly, firstMonth } = generateFleetHistory({ customers: 200, months: 36, seed: 42 });
    const result = backtest(monthly, firstMonth, 30, 6);
    expect(result.model).toBeLessThan(result.sameMonthLastYear);
    expect(result.model).toBeLessThan(result.lastThreeMonths);
    // The season it learned is the one the history was made with.
    const learned = seasonalIndex(
      Array.from({ length: 30 }, (_, i) => monthly.reduce((s, h) => s + h[i]!, 0)),
      firstMonth,
    );
    learned.forEach((f, m) => expect(Math.abs(f - KNOWN_SEASON[m]!)).toBeLessThan(0.12));
  });
});
