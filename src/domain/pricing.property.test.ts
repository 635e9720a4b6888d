import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { estimateJob } from "./estimate";
import { freezeQuote, repriceIfNotFrozen } from "./frozen-quote";
import { overriddenQuote, priceRepair } from "./pricing";
import { type PricingRules } from "./pricing-rules";

const tier = fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null });

const anyRules: fc.Arbitrary<PricingRules> = fc.record({
  version: fc.nat({ max: 1000 }),
  useCustomPricing: fc.boolean(),
  tiersCents: fc.tuple(tier, tier, tier, tier, tier),
  volumeDiscountThreshold: fc.integer({ min: 0, max: 60 }),
  volumeDiscountBasisPoints: fc.integer({ min: 0, max: 10_000 }),
});

const count = fc.integer({ min: 0, max: 200 });

const anyRepair = fc.record({
  completedOnWindshield: count,
  indexInJob: fc.integer({ min: 0, max: 20 }),
  customerCompletedThisMonth: count,
  rules: anyRules,
});

describe("pricing properties", () => {
  it("a job's total equals the sum of its lines, one line per break", () => {
    fc.assert(
      fc.property(
        count,
        fc.integer({ min: 1, max: 25 }),
        count,
        anyRules,
        (completedOnWindshield, breaks, customerCompletedThisMonth, rules) => {
          const estimate = estimateJob({ completedOnWindshield, breaks, customerCompletedThisMonth, rules });
          expect(estimate.lines).toHaveLength(breaks);
          expect(estimate.totalCents).toBe(estimate.lines.reduce((sum, line) => sum + line.cents, 0));
        },
      ),
    );
  });

  it("no price is ever negative, fractional, or above its tier price", () => {
    fc.assert(
      fc.property(anyRepair, (input) => {
        const quote = priceRepair(input);
        expect(Number.isInteger(quote.cents)).toBe(true);
        expect(quote.cents).toBeGreaterThanOrEqual(0);
        expect(quote.discountCents).toBeGreaterThanOrEqual(0);
        expect(quote.cents).toBe(quote.tierCents - quote.discountCents);
      }),
    );
  });

  it("the line of break i in a job is the single repair at ordinal completed + i", () => {
    fc.assert(
      fc.property(
        count,
        fc.integer({ min: 1, max: 10 }),
        count,
        anyRules,
        (completedOnWindshield, breaks, customerCompletedThisMonth, rules) => {
          const { lines } = estimateJob({ completedOnWindshield, breaks, customerCompletedThisMonth, rules });
          lines.forEach((line, i) => {
            expect(line.ordinal).toBe(completedOnWindshield + i + 1);
            expect(line).toEqual(
              priceRepair({ completedOnWindshield, indexInJob: i, customerCompletedThisMonth, rules }),
            );
          });
        },
      ),
    );
  });

  it("an override ignores the volume discount: the price is exactly the override", () => {
    fc.assert(
      fc.property(anyRepair, fc.integer({ min: 0, max: 1_000_000 }), (input, amount) => {
        const withDiscount = overriddenQuote(priceRepair(input), amount, "manager's call");
        const withoutDiscount = overriddenQuote(
          priceRepair({ ...input, rules: { ...input.rules, volumeDiscountBasisPoints: 0 } }),
          amount,
          "manager's call",
        );
        expect(withDiscount.cents).toBe(amount);
        expect(withDiscount.discountCents).toBe(0);
        expect(withDiscount.source).toBe("OVERRIDE");
        expect(withDiscount.cents).toBe(withoutDiscount.cents);
      }),
    );
  });

  it("a frozen quote never changes, whatever later inputs are", () => {
    fc.assert(
      fc.property(anyRepair, fc.array(anyRepair, { minLength: 1, maxLength: 5 }), (atCompletion, laterInputs) => {
        const frozen = freezeQuote(priceRepair(atCompletion));
        const snapshot = { ...frozen };
        let current = repriceIfNotFrozen(frozen, atCompletion);
        for (const later of laterInputs) current = repriceIfNotFrozen(current, later);
        expect(current).toBe(frozen);
        expect({ ...current }).toEqual(snapshot);
      }),
    );
  });

  it("more completed repairs on a windshield never make the next one dearer on default tiers", () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const rules = {
          version: 0,
          useCustomPricing: false,
          tiersCents: [null, null, null, null, null],
          volumeDiscountThreshold: 10,
          volumeDiscountBasisPoints: 0,
        } satisfies PricingRules;
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        const priceAfter = (completed: number) =>
          priceRepair({ completedOnWindshield: completed, customerCompletedThisMonth: 0, rules }).cents;
        expect(priceAfter(more)).toBeLessThanOrEqual(priceAfter(fewer));
      }),
    );
  });
});
