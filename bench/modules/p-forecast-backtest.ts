// Figure p: how accurate the repair forecast is (src/domain/maintenance-forecast.ts). A seeded
// 3-year history of 200 customers with their own rates, a winter-heavy season and Poisson noise
// (tests/support/fleet-history.ts); the forecast trains on the first 30 months and predicts each
// customer's monthly repair count for the last 6. Its mean absolute error beside two naive
// forecasts: the same month last year, and the mean of the last three months. Five seeds, so one
// lucky history cannot carry it.
import { backtest } from "../../src/domain/maintenance-forecast";
import { generateFleetHistory } from "../../tests/support/fleet-history";
import type { BenchModule } from "../types";

const SEEDS = [1, 2, 3, 4, 5];
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const forecastBacktest: BenchModule = {
  name: "repair forecast backtest: model vs two naive forecasts",
  run: async () => {
    const results = SEEDS.map((seed) => {
      const { monthly, firstMonth } = generateFleetHistory({ customers: 200, months: 36, seed });
      return backtest(monthly, firstMonth, 30, 6);
    });
    const model = mean(results.map((r) => r.model));
    const lastYear = mean(results.map((r) => r.sameMonthLastYear));
    const lastThree = mean(results.map((r) => r.lastThreeMonths));
    const beatsBoth = results.every((r) => r.model < r.sameMonthLastYear && r.model < r.lastThreeMonths);
    return [
      {
        id: "p",
        label: "monthly repair forecast, mean absolute error (200 customers, 30 months -> 6)",
        value: round(model),
        unit: "repairs",
        target: "below both naive forecasts on every seed",
        pass: beatsBoth,
        details: {
          seeds: SEEDS.length,
          sameMonthLastYear: round(lastYear),
          lastThreeMonthsMean: round(lastThree),
          modelOverBestNaive: round(model / Math.min(lastYear, lastThree), 3),
        },
      },
    ];
  },
};

export default forecastBacktest;
