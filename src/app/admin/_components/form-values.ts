// Typed text to the numbers the server takes. Money is typed in dollars and sent in cents
// (the domain's dollarsToCents, half-up), shown with formatCents; a blank optional amount is
// null ("not set", "no limit"). What the values may be is the server's to say.
import { dollarsToCents, formatCents } from "~/domain";

/** 6000 -> "60.00" (what a dollars input starts with); null -> "". */
export const dollarsText = (cents: number | null) => (cents === null ? "" : formatCents(cents).replace("$", ""));

/** Runs `convert`, naming the field in its error. */
export function labelled<T>(label: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`);
  }
}

export const requiredCents = (text: string, label: string) => labelled(label, () => dollarsToCents(text));

export const optionalCents = (text: string, label: string) => (text.trim() ? requiredCents(text, label) : null);

export function wholeNumber(text: string, label: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${label}: "${text}" is not a whole number.`);
  return Number(text.trim());
}

/** Blank text as null: how the server clears an optional field. */
export const orNull = (text: string) => text.trim() || null;

/** The form's converted input, or undefined after reporting what could not be converted. */
export function converted<T>(build: () => T, report: (problem: string | null) => void): T | undefined {
  try {
    const value = build();
    report(null);
    return value;
  } catch (error) {
    report((error as Error).message);
    return undefined;
  }
}
