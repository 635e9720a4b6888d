import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GeoPoint, distanceKm, isGeoPoint } from "./geo";
import {
  EXACT_MAX_STOPS,
  drivingOrder,
  formatMinutesOfDay,
  locallyImprovedOrder,
  minutesOfDay,
  nearestNeighbourOrder,
  pathLengthKm,
  routeDay,
} from "./route-order";

const DENVER: GeoPoint = { latitude: 39.7392, longitude: -104.9903 };
const BOULDER: GeoPoint = { latitude: 40.015, longitude: -105.2705 };

// Stops within ~60 km of Denver, like a day's work.
const nearDenver: fc.Arbitrary<GeoPoint> = fc.record({
  latitude: fc.double({ min: 39.4, max: 40.1, noNaN: true }),
  longitude: fc.double({ min: -105.4, max: -104.6, noNaN: true }),
});
const start = fc.option(nearDenver, { nil: null });

/** The exact optimum: every order tried (depth first over a distance table, cut when already longer). */
function bruteForceKm(from: GeoPoint | null, points: GeoPoint[]): number {
  const n = points.length;
  const table = points.map((a) => points.map((b) => distanceKm(a, b)));
  const fromStart = points.map((p) => (from ? distanceKm(from, p) : 0));
  const used = new Array<boolean>(n).fill(false);
  let best = Infinity;
  const visit = (last: number, count: number, km: number) => {
    if (km >= best) return;
    if (count === n) {
      best = km;
      return;
    }
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      used[i] = true;
      visit(i, count + 1, km + (last < 0 ? fromStart[i]! : table[last]![i]!));
      used[i] = false;
    }
  };
  visit(-1, 0, 0);
  return best;
}

describe("distanceKm", () => {
  it("is the great-circle distance: Denver to Boulder is about 39 km, a point to itself 0", () => {
    expect(distanceKm(DENVER, BOULDER)).toBeCloseTo(39.1, 0);
    expect(distanceKm(DENVER, DENVER)).toBe(0);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(20015.1, 0);
  });

  it("is symmetric", () => {
    fc.assert(
      fc.property(nearDenver, nearDenver, (a, b) => {
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
      }),
    );
  });
});

describe("isGeoPoint", () => {
  it("takes finite coordinates in range only", () => {
    expect(isGeoPoint(DENVER)).toBe(true);
    expect(isGeoPoint({ latitude: null, longitude: 1 })).toBe(false);
    expect(isGeoPoint({ latitude: 91, longitude: 1 })).toBe(false);
    expect(isGeoPoint({ latitude: 1, longitude: -181 })).toBe(false);
    expect(isGeoPoint({ latitude: Number.NaN, longitude: 1 })).toBe(false);
  });
});

describe("drivingOrder", () => {
  it("beats nearest neighbour where greedy zig-zags", () => {
    // Along a line from 0: greedy drives to 2, back across to -3, then out to 10 (20 units);
    // going to -3 first is 16.
    const line = [2, -3, 10].map((x) => ({ latitude: 39.7, longitude: -105 + x * 0.01 }));
    const from = { latitude: 39.7, longitude: -105 };
    expect(nearestNeighbourOrder(from, line)).toEqual([0, 1, 2]);
    const best = drivingOrder(from, line);
    expect(best).toEqual([1, 0, 2]);
    expect(pathLengthKm(from, line, best)).toBeCloseTo(bruteForceKm(from, line), 9);
    expect(locallyImprovedOrder(from, line)).toEqual(best);
  });

  it("handles no stops and one stop", () => {
    expect(drivingOrder(DENVER, [])).toEqual([]);
    expect(drivingOrder(null, [BOULDER])).toEqual([0]);
  });

  it("is a permutation of the stops and never longer than nearest neighbour alone", () => {
    fc.assert(
      fc.property(start, fc.array(nearDenver, { maxLength: 40 }), (from, points) => {
        const order = drivingOrder(from, points);
        expect([...order].sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
        const nn = pathLengthKm(from, points, nearestNeighbourOrder(from, points));
        expect(pathLengthKm(from, points, order)).toBeLessThanOrEqual(nn + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("for up to 9 stops is within 2% of the exact optimum found by brute force", () => {
    fc.assert(
      fc.property(start, fc.array(nearDenver, { minLength: 1, maxLength: 9 }), (from, points) => {
        const km = pathLengthKm(from, points, drivingOrder(from, points));
        expect(km).toBeLessThanOrEqual(bruteForceKm(from, points) * 1.02 + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it("on a long day (local search) is a permutation and never longer than nearest neighbour alone", () => {
    fc.assert(
      fc.property(start, fc.array(nearDenver, { minLength: EXACT_MAX_STOPS + 1, maxLength: 45 }), (from, points) => {
        const order = drivingOrder(from, points);
        expect([...order].sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
        const nn = pathLengthKm(from, points, nearestNeighbourOrder(from, points));
        expect(pathLengthKm(from, points, order)).toBeLessThanOrEqual(nn + 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe("routeDay", () => {
  const stop = (id: string, point: GeoPoint, plannedMinutes: number | null = null, serviceMinutes = 30) => ({
    id,
    point,
    serviceMinutes,
    plannedMinutes,
  });

  it("numbers the stops, gives each leg and the arrival at the average speed", () => {
    const day = routeDay({
      start: DENVER,
      stops: [stop("boulder", BOULDER), stop("denver", DENVER)],
      dayStartMinutes: 8 * 60,
      averageSpeedKmh: 40,
    });
    expect(day.stops.map((s) => [s.id, s.position])).toEqual([
      ["denver", 1],
      ["boulder", 2],
    ]);
    expect(day.stops[0]).toMatchObject({ legKm: 0, arrivalMinutes: 480, departureMinutes: 510 });
    // 38.9 km at 40 km/h: 58 minutes after leaving at 08:30.
    expect(day.stops[1]!.legKm).toBeCloseTo(38.9, 0);
    expect(day.stops[1]!.arrivalMinutes).toBe(510 + 58);
    expect(day.totalKm).toBeCloseTo(day.stops[1]!.legKm, 9);
    expect(day.nearestNeighbourKm).toBeCloseTo(day.totalKm, 9);
  });

  it("waits for a walk's planned time when early and says how late it is when not", () => {
    const day = routeDay({
      start: DENVER,
      stops: [stop("early", DENVER, 9 * 60, 60), stop("late", BOULDER, 9 * 60 + 30, 60)],
      dayStartMinutes: 8 * 60,
      averageSpeedKmh: 40,
    });
    const [early, late] = day.stops;
    expect(early).toMatchObject({ id: "early", arrivalMinutes: 480, waitMinutes: 60, startMinutes: 540 });
    expect(early!.lateByMinutes).toBe(0);
    // Leaves at 10:00, 58 minutes to Boulder: 10:58, planned 09:30.
    expect(late).toMatchObject({ id: "late", arrivalMinutes: 658, waitMinutes: 0, lateByMinutes: 88 });
  });

  it("refuses a speed that is not above zero", () => {
    expect(() => routeDay({ start: null, stops: [], dayStartMinutes: 0, averageSpeedKmh: 0 })).toThrow(RangeError);
  });
});

describe("times of day", () => {
  it("reads and writes HH:MM", () => {
    expect(minutesOfDay("09:05")).toBe(545);
    expect(minutesOfDay("9:05")).toBeNull();
    expect(minutesOfDay(null)).toBeNull();
    expect(formatMinutesOfDay(545)).toBe("09:05");
    expect(formatMinutesOfDay(24 * 60 + 10)).toBe("00:10 (+1d)");
  });
});
