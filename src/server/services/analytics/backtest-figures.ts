// "How accurate is this": the forecast's backtest on the seeded 3-year history of 200 customers
// (the figures of bench p): trained on 30 months, each customer's monthly repairs predicted for
// the last 6, the model's mean absolute error beside the two naive forecasts, over five seeds.
import "server-only";
import { generateFleetHistory } from "~/domain/fleet-history";
import { backtest } from "~/domain/maintenance-forecast";

export type BacktestFigures = {
  customers: number;
  trainMonths: number;
  testMonths: number;
  seeds: number;
  model: number;
  sameMonthLastYear: number;
  lastThreeMonths: number;
  beatsBoth: boolean;
};

const SEEDS = [1, 2, 3, 4, 5];
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round2 = (n: number) => Math.round(n * 100) / 100;
let computed: BacktestFigures | null = null;

/** Computed once per process (about 50 ms): the history is seeded, so the answer never changes. */
export function backtestFigures(): BacktestFigures {
  if (computed) return computed;
  const results = SEEDS.map((seed) => {
    const { monthly, firstMonth } = generateFleetHistory({ customers: 200, months: 36, seed });
    return backtest(monthly, firstMonth, 30, 6);
  });
  computed = {
    customers: 200,
    trainMonths: 30,
    testMonths: 6,
    seeds: SEEDS.length,
    model: round2(mean(results.map((r) => r.model))),
    sameMonthLastYear: round2(mean(results.map((r) => r.sameMonthLastYear))),
    lastThreeMonths: round2(mean(results.map((r) => r.lastThreeMonths))),
    beatsBoth: results.every((r) => r.model < r.sameMonthLastYear && r.model < r.lastThreeMonths),
  };
  return computed;
}
