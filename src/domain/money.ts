import { scaleDecimalHalfUp } from "./decimal";
import { InvalidAmount } from "./errors";

// Money is integer cents everywhere: no floating-point dollars ever reach a total.
export type Cents = number;

/** Throws InvalidAmount unless `value` is a whole number of cents (negative allowed: refunds, credits). */
export function assertCents(value: unknown, label = "amount"): asserts value is Cents {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new InvalidAmount(`${label} must be a whole number of cents, got ${String(value)}`);
  }
}

/** Like assertCents, and the amount may not be below zero (prices, limits). */
export function assertNonNegativeCents(value: unknown, label = "amount"): asserts value is Cents {
  assertCents(value, label);
  if (value < 0) throw new InvalidAmount(`${label} may not be negative, got ${value}`);
}

/** "12.34", "$1,250.5", 12.345 -> cents, rounded half-up (amounts have two decimals). */
export function dollarsToCents(dollars: string | number): Cents {
  const text = typeof dollars === "string" ? dollars.trim().replace(/^(-?)\$/, "$1") : dollars;
  return scaleDecimalHalfUp(text, 2, "dollars");
}

/** 6500 -> "$65.00", -150 -> "-$1.50", 123456 -> "$1,234.56". Locale-free so server and browser agree. */
export function formatCents(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const rest = (abs % 100).toString().padStart(2, "0");
  return `${sign}$${dollars}.${rest}`;
}

/**
 * The share of `cents` given in basis points (10% = 1000), rounded half-up to the cent
 * (half away from zero for negative amounts).
 */
export function percentOfCents(cents: Cents, basisPoints: number): Cents {
  assertCents(cents);
  if (!Number.isSafeInteger(basisPoints)) {
    throw new InvalidAmount(`basis points must be a whole number, got ${String(basisPoints)}`);
  }
  const product = Math.abs(cents) * Math.abs(basisPoints);
  if (!Number.isSafeInteger(product)) {
    throw new InvalidAmount(`${cents} x ${basisPoints} basis points is too large`);
  }
  const magnitude = Math.floor(product / 10_000) + (product % 10_000 >= 5_000 ? 1 : 0);
  const negative = cents < 0 !== basisPoints < 0;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) {
    assertCents(amount);
    total += amount;
  }
  assertCents(total, "total");
  return total;
}
