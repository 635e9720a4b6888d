import { type Cents, sumCents } from "./money";
import { type PriceQuote, priceRepair } from "./pricing";
import { PricingError, type PricingRules } from "./pricing-rules";

// The upfront price of a job: n breaks on one unit captured or requested together.
// Shown to the customer when requesting and to the technician when capturing offline.

export type EstimateJobInput = {
  completedOnWindshield: number;
  /** Number of breaks in the job, >= 1. */
  breaks: number;
  customerCompletedThisMonth: number;
  rules: PricingRules;
};

export type JobEstimate = { lines: PriceQuote[]; totalCents: Cents };

export function estimateJob(input: EstimateJobInput): JobEstimate {
  if (!Number.isSafeInteger(input.breaks) || input.breaks < 1) {
    throw new PricingError("INVALID_REPAIR_COUNT", `a job has at least one break, got ${String(input.breaks)}`);
  }
  const lines = Array.from({ length: input.breaks }, (_, indexInJob) =>
    priceRepair({
      completedOnWindshield: input.completedOnWindshield,
      indexInJob,
      customerCompletedThisMonth: input.customerCompletedThisMonth,
      rules: input.rules,
    }),
  );
  return { lines, totalCents: sumCents(lines.map((line) => line.cents)) };
}
