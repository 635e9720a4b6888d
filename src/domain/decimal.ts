import { InvalidAmount } from "./errors";

// Parses decimal text exactly (no binary floating point on the way), so "1.005" rounds
// the way a person reading it expects. Shared by dollars->cents and percent->basis points.

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * `value` scaled by 10^decimals and rounded half-up (half away from zero, like
 * the usual rounding of money).
 */
export function scaleDecimalHalfUp(value: string | number, decimals: number, label: string): number {
  const text = typeof value === "number" ? numberToPlainText(value, label) : value.trim().replace(/,/g, "");
  const match = DECIMAL.exec(text);
  const whole = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (!match || (whole === "" && fraction === "")) {
    throw new InvalidAmount(`${label}: "${String(value)}" is not a decimal number`);
  }
  const sign = match[1] === "-" ? -1 : 1;
  const kept = (fraction + "0".repeat(decimals)).slice(0, decimals);
  const nextDigit = fraction.length > decimals ? Number(fraction[decimals]) : 0;
  const magnitude = Number((whole || "0") + kept) + (nextDigit >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(magnitude)) {
    throw new InvalidAmount(`${label}: "${String(value)}" is too large`);
  }
  return magnitude === 0 ? 0 : sign * magnitude;
}

function numberToPlainText(value: number, label: string): string {
  if (!Number.isFinite(value)) {
    throw new InvalidAmount(`${label}: ${String(value)} is not a finite number`);
  }
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form only happens for very small (< 1e-6) or very large (>= 1e21) numbers.
  if (Math.abs(value) < 1) return value.toFixed(20);
  throw new InvalidAmount(`${label}: ${text} is too large`);
}
