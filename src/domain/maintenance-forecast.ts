// Predictive maintenance from the repair history alone (no model service is reachable): how often
// a windshield breaks (mean time between failures), in which months breaks cluster (a seasonal
// index), when the next repair is likely, and a 0–100 risk score. The monthly forecast behind the
// "how accurate is this" panel is a customer's level times the business-wide season, checked
// against two naive forecasts (same month last year; mean of the last three months).

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);

/** Mean days between consecutive repairs ("yyyy-mm-dd", any order); null with fewer than two. */
export function mtbfDays(repairDates: readonly string[]): number | null {
  if (repairDates.length < 2) return null;
  const days = repairDates.map(dayNumber).sort((a, b) => a - b);
  return (days.at(-1)! - days[0]!) / (days.length - 1);
}

/**
 * Twelve factors, January first, averaging 1: how much busier each calendar month is than the
 * average. From `counts` of consecutive months starting in `firstMonth` (1–12); with under two
 * full years of history every factor is 1 (one year cannot tell a season from chance).
 */
export function seasonalIndex(counts: readonly number[], firstMonth: number): number[] {
  if (counts.length < 24) return Array(12).fill(1);
  const sums = Array(12).fill(0);
  const seen = Array(12).fill(0);
  counts.forEach((count, i) => {
    const month = (firstMonth - 1 + i) % 12;
    sums[month] += count;
    seen[month] += 1;
  });
  const means = sums.map((s, m) => (seen[m] ? s / seen[m] : 0));
  const overall = means.reduce((a, b) => a + b, 0) / 12;
  if (overall === 0) return Array(12).fill(1);
  return means.map((m) => m / overall);
}

/** A season for many customers together: their counts summed month by month (all from `firstMonth`). */
export function pooledSeasonalIndex(histories: ReadonlyArray<readonly number[]>, firstMonth: number): number[] {
  const length = Math.min(...histories.map((h) => h.length));
  const total = Array.from({ length }, (_, i) => histories.reduce((sum, h) => sum + h[i]!, 0));
  return seasonalIndex(total, firstMonth);
}

/** The next `horizon` months of one history: its last year's deseasonalized level times the season. */
export function forecastMonthly(
  history: readonly number[],
  firstMonth: number,
  horizon: number,
  season: readonly number[] = seasonalIndex(history, firstMonth),
): number[] {
  const monthOf = (i: number) => (firstMonth - 1 + i) % 12;
  const recent = history.slice(-12);
  const start = history.length - recent.length;
  const weight = recent.reduce((sum, _, i) => sum + season[monthOf(start + i)]!, 0);
  const level = weight > 0 ? recent.reduce((a, b) => a + b, 0) / weight : 0;
  return Array.from({ length: horizon }, (_, h) => level * season[monthOf(history.length + h)]!);
}

/** Naive forecast 1: each month as it was a year before. */
export function sameMonthLastYear(history: readonly number[], horizon: number): number[] {
  return Array.from({ length: horizon }, (_, h) => history[history.length - 12 + (h % 12)] ?? 0);
}

/** Naive forecast 2: the mean of the last three months, for every month ahead. */
export function lastThreeMonthsMean(history: readonly number[], horizon: number): number[] {
  const last = history.slice(-3);
  const mean = last.length ? last.reduce((a, b) => a + b, 0) / last.length : 0;
  return Array(horizon).fill(mean);
}

export function meanAbsoluteError(actual: readonly number[], predicted: readonly number[]): number {
  if (actual.length !== predicted.length || actual.length === 0) throw new RangeError("two series of one length");
  return actual.reduce((sum, a, i) => sum + Math.abs(a - predicted[i]!), 0) / actual.length;
}

export type UnitRiskFacts = {
  /** The unit's repairs on its current windshield ("yyyy-mm-dd"). */
  repairDates: readonly string[];
  /** Repairs per unit per day across the customer's fleet: the rate of a unit with too little history. */
  fleetRatePerDay: number;
  /** The season (seasonalIndex), January first. */
  season: readonly number[];
  today: string;
};

export type UnitRisk = {
  /** 0–100: the chance, in percent, of a repair within the next 30 days. */
  score: number;
  mtbfDays: number | null;
  nextLikelyRepairOn: string | null;
  recommendedInspectionOn: string | null;
};

/** Days ahead the risk looks. */
export const RISK_WINDOW_DAYS = 30;
/** An inspection is recommended this long before the likely repair. */
export const INSPECTION_LEAD_DAYS = 14;

/**
 * risk = 1 − exp(−30 · λ · s), in percent: breaks as a Poisson process with rate λ = 1 / MTBF
 * (the fleet's rate when the unit has fewer than two repairs), scaled by the coming month's
 * seasonal factor s. Shorter MTBF or a busier season never lowers it.
 */
export function unitRisk(facts: UnitRiskFacts): UnitRisk {
  const days = facts.repairDates.map(dayNumber);
  return unitRiskFromHistory({
    history: {
      repairs: days.length,
      firstOn: days.length ? dateOf(Math.min(...days)) : null,
      lastOn: days.length ? dateOf(Math.max(...days)) : null,
    },
    fleetRatePerDay: facts.fleetRatePerDay,
    season: facts.season,
    today: facts.today,
  });
}

/** A windshield's repairs as the database keeps them summed up: how many, the first and the last day. */
export type WindshieldHistory = { repairs: number; firstOn: string | null; lastOn: string | null };

/** MTBF from the count and the first and last repair (the same figure mtbfDays gives from every date). */
export function mtbfFromHistory(history: WindshieldHistory): number | null {
  if (history.repairs < 2 || !history.firstOn || !history.lastOn) return null;
  return (dayNumber(history.lastOn) - dayNumber(history.firstOn)) / (history.repairs - 1);
}

/** unitRisk from a summed-up history (the at-risk list reads one row per windshield, not every repair). */
export function unitRiskFromHistory(
  facts: Omit<UnitRiskFacts, "repairDates"> & { history: WindshieldHistory },
): UnitRisk {
  const mtbf = mtbfFromHistory(facts.history);
  const rate = mtbf !== null && mtbf > 0 ? 1 / mtbf : Math.max(0, facts.fleetRatePerDay);
  const nextMonth = new Date(Date.parse(`${facts.today}T00:00:00Z`) + 15 * DAY_MS).getUTCMonth();
  const factor = facts.season[nextMonth] ?? 1;
  const score = Math.round(100 * (1 - Math.exp(-RISK_WINDOW_DAYS * rate * factor)));
  if (mtbf === null) return { score, mtbfDays: null, nextLikelyRepairOn: null, recommendedInspectionOn: null };
  const today = dayNumber(facts.today);
  const next = Math.max(today, dayNumber(facts.history.lastOn!) + mtbf);
  return {
    score,
    mtbfDays: Math.round(mtbf * 10) / 10,
    nextLikelyRepairOn: dateOf(next),
    recommendedInspectionOn: dateOf(Math.max(today, next - INSPECTION_LEAD_DAYS)),
  };
}

/** A unit at or above this risk raises an alert (once per crossing) and is asked to be inspected. */
export const RISK_ALERT_THRESHOLD = 70;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** What the office may do, in words: walk the lot before a busy month; inspect a unit at high risk. */
export function suggestedActions(season: readonly number[], today: string, risk?: UnitRisk): string[] {
  const actions: string[] = [];
  const month = new Date(`${today}T00:00:00Z`).getUTCMonth();
  for (const ahead of [1, 2]) {
    const m = (month + ahead) % 12;
    if (season[m]! >= 1.2) {
      actions.push(
        `Walk this lot before ${MONTH_NAMES[m]}: repairs run ${Math.round((season[m]! - 1) * 100)}% above average then.`,
      );
      break;
    }
  }
  if (risk && risk.score >= 50 && risk.recommendedInspectionOn)
    actions.push(`Inspect this unit by ${risk.recommendedInspectionOn} (risk ${risk.score}).`);
  return actions;
}

export type Backtest = {
  customers: number;
  trainMonths: number;
  testMonths: number;
  /** Mean absolute error per customer-month, in repairs. */
  model: number;
  sameMonthLastYear: number;
  lastThreeMonths: number;
};

/**
 * Trains on each history's first `trainMonths` and forecasts the next `testMonths`; the error of
 * the model beside the two naive forecasts, over every customer-month.
 */
export function backtest(
  histories: ReadonlyArray<readonly number[]>,
  firstMonth: number,
  trainMonths: number,
  testMonths: number,
): Backtest {
  const train = histories.map((h) => h.slice(0, trainMonths));
  const actual = histories.flatMap((h) => h.slice(trainMonths, trainMonths + testMonths));
  const season = pooledSeasonalIndex(train, firstMonth);
  const mae = (forecast: (history: readonly number[]) => number[]) =>
    meanAbsoluteError(actual, train.flatMap(forecast));
  return {
    customers: histories.length,
    trainMonths,
    testMonths,
    model: mae((h) => forecastMonthly(h, firstMonth, testMonths, season)),
    sameMonthLastYear: mae((h) => sameMonthLastYear(h, testMonths)),
    lastThreeMonths: mae((h) => lastThreeMonthsMean(h, testMonths)),
  };
}
