// Figure l: ordering a technician's 30-stop day (src/domain/route-order.ts): nearest neighbour,
// then 2-opt and Or-opt (30 stops is past the exact solver's reach), with arrival estimates.
// 20 different days of 30 stops spread over the Denver area (a fixed seed, so runs compare), each
// ordered 5 times after a warm-up; the figure is the slowest day's median. Beside it, each
// order's length divided by nearest neighbour's alone (< 1: shorter).
import { performance } from "node:perf_hooks";
import type { GeoPoint } from "../../src/domain/geo";
import { type DayStop, nearestNeighbourOrder, pathLengthKm, routeDay } from "../../src/domain/route-order";
import type { BenchModule } from "../types";

const DAYS = 20;
const STOPS = 30;
const REPEATS = 5;
const TARGET_MS = 50;

/** A small deterministic generator (LCG): the same days on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function day(seed: number): { start: GeoPoint; stops: DayStop[] } {
  const next = random(seed);
  const point = () => ({ latitude: 39.45 + next() * 0.6, longitude: -105.25 + next() * 0.6 });
  return {
    start: point(),
    stops: Array.from({ length: STOPS }, (_, i) => ({
      id: `stop-${i}`,
      point: point(),
      serviceMinutes: i % 3 === 0 ? 60 : 30,
      plannedMinutes: i % 5 === 0 ? 8 * 60 + i * 10 : null,
    })),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

const routeOrder: BenchModule = {
  name: "order a 30-stop day (nearest neighbour + 2-opt/Or-opt)",
  run: async () => {
    const medians: number[] = [];
    const ratios: number[] = [];
    for (let d = 0; d < DAYS; d++) {
      const { start, stops } = day(1000 + d);
      const input = { start, stops, dayStartMinutes: 8 * 60, averageSpeedKmh: 40 };
      routeDay(input); // warm-up
      const times: number[] = [];
      let totalKm = 0;
      for (let r = 0; r < REPEATS; r++) {
        const began = performance.now();
        totalKm = routeDay(input).totalKm;
        times.push(performance.now() - began);
      }
      medians.push(median(times));
      const points = stops.map((s) => s.point);
      ratios.push(totalKm / pathLengthKm(start, points, nearestNeighbourOrder(start, points)));
    }
    const slowest = Math.max(...medians);
    const meanRatio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    return [
      {
        id: "l",
        label: "order a 30-stop day with arrival times (slowest of 20 days, median of 5)",
        value: round(slowest),
        unit: "ms",
        target: `<= ${TARGET_MS} ms, never longer than nearest neighbour`,
        pass: slowest <= TARGET_MS && Math.max(...ratios) <= 1 + 1e-9,
        details: {
          days: DAYS,
          stops: STOPS,
          medianMs: round(median(medians)),
          lengthVsNearestNeighbourMean: round(meanRatio, 3),
          lengthVsNearestNeighbourBest: round(Math.min(...ratios), 3),
          lengthVsNearestNeighbourWorst: round(Math.max(...ratios), 3),
        },
      },
    ];
  },
};

export default routeOrder;
