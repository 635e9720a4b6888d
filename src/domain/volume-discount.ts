import { type Cents, percentOfCents } from "./money";
import { assertCount, type PricingRules } from "./pricing-rules";

// The seeds' volume discount: from the threshold-th completed repair of a customer in a
// calendar month (business time zone) on, each repair's tier price is cut by a percentage.

export type VolumeDiscountInput = {
  tierCents: Cents;
  /** The customer's repairs completed this month before this job. */
  customerCompletedThisMonth: number;
  /** Index of this break within its multi-break job (0 for a single break). */
  indexInJob: number;
  rules: PricingRules;
};

/** This repair's place among the customer's completed repairs of the month (1-based). */
export function monthPosition(customerCompletedThisMonth: number, indexInJob: number): number {
  assertCount(customerCompletedThisMonth, "customer's completed repairs this month");
  assertCount(indexInJob, "index of the break in the job");
  return customerCompletedThisMonth + indexInJob + 1;
}

/** Cents taken off the tier price (0 when the discount does not apply). Never more than the tier price. */
export function volumeDiscountCents(input: VolumeDiscountInput): Cents {
  const { rules } = input;
  const position = monthPosition(input.customerCompletedThisMonth, input.indexInJob);
  if (rules.volumeDiscountBasisPoints <= 0 || position < rules.volumeDiscountThreshold) return 0;
  return Math.min(input.tierCents, percentOfCents(input.tierCents, rules.volumeDiscountBasisPoints));
}
