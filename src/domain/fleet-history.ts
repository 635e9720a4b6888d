// A made-up but realistic repair history for the forecast's honest-accuracy check: customers
// with their own monthly repair rates, a winter-heavy season (frost and gravel on the roads),
// and Poisson noise. Seeded, so every run makes the same history.

/** Repairs in each calendar month relative to the year's average (January first). */
export const KNOWN_SEASON = [1.4, 1.35, 1.1, 0.9, 0.8, 0.75, 0.8, 0.85, 0.9, 1.0, 1.15, 1.3].map(
  (f, _, all) => f / (all.reduce((a, b) => a + b, 0) / 12),
);

/** A small seeded random source (mulberry32): one seed, one sequence, on every machine. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth for small means, a rounded normal for large ones). */
export function poisson(mean: number, random: () => number): number {
  if (mean > 60) {
    const u = Math.max(random(), 1e-12);
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

export type FleetHistory = {
  /** Monthly repair counts per customer, month 0 = `firstMonth` of the first year. */
  monthly: number[][];
  /** Each customer's true mean repairs per month (before the season). */
  rates: number[];
  firstMonth: number;
};

export function generateFleetHistory(options: {
  customers: number;
  months: number;
  seed: number;
  firstMonth?: number;
}) {
  const { customers, months, seed, firstMonth = 1 } = options;
  const random = mulberry32(seed);
  // Rates spread like fleets do: many small, a few large (log-uniform from 1 to 40 a month).
  const rates = Array.from({ length: customers }, () => Math.exp(Math.log(1) + random() * Math.log(40)));
  const monthly = rates.map((rate) =>
    Array.from({ length: months }, (_, i) => poisson(rate * KNOWN_SEASON[(firstMonth - 1 + i) % 12]!, random)),
  );
  return { monthly, rates, firstMonth } satisfies FleetHistory;
}
