// An invoice's life once grouped: its number, due date, state, aging, and what a payment may be.
// Days are business days "yyyy-mm-dd"; money is integer cents.
import { DomainError } from "../errors";
import { type Cents, assertCents, formatCents } from "../money";
import { addDays } from "../walk-schedule";

export type PaymentTermsCode = "NET_30" | "NET_60" | "PREPAID";

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** NET_30/NET_60: that many days after issue; PREPAID: due the day it is issued. */
export function dueOn(issuedOn: string, terms: PaymentTermsCode): string {
  switch (terms) {
    case "NET_30":
      return addDays(issuedOn, 30);
    case "NET_60":
      return addDays(issuedOn, 60);
    case "PREPAID":
      return issuedOn;
  }
}

export const TERMS_LABELS: Readonly<Record<PaymentTermsCode, string>> = {
  NET_30: "Net 30: payment due 30 days after the invoice date",
  NET_60: "Net 60: payment due 60 days after the invoice date",
  PREPAID: "Prepaid: payment due on the invoice date",
};

/** What the database stores: the document's life cycle. Paid in part and overdue are derived. */
export type StoredInvoiceStatus = "DRAFT" | "ISSUED" | "PAID" | "VOID";
export type InvoiceState = "DRAFT" | "ISSUED" | "PARTLY_PAID" | "PAID" | "OVERDUE" | "VOID";

export const INVOICE_STATE_LABELS: Readonly<Record<InvoiceState, string>> = {
  DRAFT: "Draft",
  ISSUED: "Issued",
  PARTLY_PAID: "Partly paid",
  PAID: "Paid",
  OVERDUE: "Overdue",
  VOID: "Void (credited)",
};

export type InvoiceFigures = {
  status: StoredInvoiceStatus;
  totalCents: Cents;
  paidCents: Cents;
  /** null while a draft. */
  dueOn: string | null;
};

/** Overdue wins over partly paid: money still owed after its due day is what the office chases. */
export function invoiceState(invoice: InvoiceFigures, today: string): InvoiceState {
  if (invoice.status === "DRAFT" || invoice.status === "VOID") return invoice.status;
  if (invoice.status === "PAID" || invoice.paidCents >= invoice.totalCents) return "PAID";
  if (invoice.dueOn !== null && invoice.dueOn < today) return "OVERDUE";
  return invoice.paidCents > 0 ? "PARTLY_PAID" : "ISSUED";
}

export function balanceCents(invoice: Pick<InvoiceFigures, "totalCents" | "paidCents">): Cents {
  return invoice.totalCents - invoice.paidCents;
}

export const AGING_BUCKETS = ["CURRENT", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "DAYS_90_PLUS"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export const AGING_LABELS: Readonly<Record<AgingBucket, string>> = {
  CURRENT: "Current",
  DAYS_1_30: "1–30 days",
  DAYS_31_60: "31–60 days",
  DAYS_61_90: "61–90 days",
  DAYS_90_PLUS: "90+ days",
};

/** By days past the due day: not yet due (or due today) is current. */
export function agingBucket(due: string, today: string): AgingBucket {
  const late = daysBetween(due, today);
  if (late <= 0) return "CURRENT";
  if (late <= 30) return "DAYS_1_30";
  if (late <= 60) return "DAYS_31_60";
  if (late <= 90) return "DAYS_61_90";
  return "DAYS_90_PLUS";
}

/** Open balances summed per bucket (paid, void, draft invoices owe nothing). */
export function agingSummary(
  invoices: readonly (InvoiceFigures & { dueOn: string | null })[],
  today: string,
): Record<AgingBucket, Cents> {
  const sums = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, Cents>;
  for (const invoice of invoices) {
    if (invoice.status !== "ISSUED" || invoice.dueOn === null) continue;
    const owed = balanceCents(invoice);
    if (owed > 0) sums[agingBucket(invoice.dueOn, today)] += owed;
  }
  return sums;
}

/** Reminder steps: the day after the due day, then 30 and 60 days late. Each is sent once. */
export const REMINDER_STEPS = [1, 30, 60] as const;

/** The highest reminder step an open invoice has reached today (0: none yet). */
export function reminderStepDue(due: string, today: string): number {
  const late = daysBetween(due, today);
  let step = 0;
  for (const [i, days] of REMINDER_STEPS.entries()) if (late >= days) step = i + 1;
  return step;
}

const NUMBER_PATTERN = /^RS-(\d{4})-(\d{6})$/;

/** RS-2026-000042: the business year and that year's sequence, six digits. */
export function invoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new InvalidInvoice(`not a year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new InvalidInvoice(`invoice sequence out of range: ${sequence}`);
  return `RS-${year}-${String(sequence).padStart(6, "0")}`;
}

export function parseInvoiceNumber(text: string): { year: number; sequence: number } | null {
  const match = NUMBER_PATTERN.exec(text);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}

export class InvalidInvoice extends DomainError {
  readonly code = "INVALID_INVOICE";
}
export class InvoiceEmpty extends DomainError {
  readonly code = "INVOICE_EMPTY";
}
export class PaymentRefused extends DomainError {
  readonly code = "PAYMENT_REFUSED";
}

/** Refuses an invoice with nothing to bill, or whose adjustments bring it below zero. */
export function assertIssuable(lines: readonly { amountCents: Cents; kind: string }[]): Cents {
  if (!lines.some((l) => l.kind === "REPAIR")) throw new InvoiceEmpty("an invoice needs at least one repair line");
  let total = 0;
  for (const line of lines) {
    assertCents(line.amountCents, "line amount");
    total += line.amountCents;
  }
  if (total < 0) throw new InvalidInvoice(`the discounts exceed the repairs: total ${formatCents(total)}`);
  return total;
}

/** A payment is more than zero, whole cents, on an issued invoice, and at most what is still owed. */
export function assertPayment(
  invoice: Pick<InvoiceFigures, "status" | "totalCents" | "paidCents">,
  amountCents: number,
) {
  if (!Number.isSafeInteger(amountCents)) throw new PaymentRefused("a payment is a whole number of cents");
  if (amountCents <= 0) throw new PaymentRefused("a payment must be more than zero");
  if (invoice.status === "VOID") throw new PaymentRefused("this invoice is void: it takes no payment");
  if (invoice.status === "DRAFT") throw new PaymentRefused("issue the invoice before recording a payment");
  const owed = balanceCents(invoice);
  if (invoice.status === "PAID" || owed <= 0) throw new PaymentRefused("this invoice is already paid");
  if (amountCents > owed)
    throw new PaymentRefused(`${formatCents(amountCents)} is more than the ${formatCents(owed)} still owed`);
}

export type PriceSourceCode = "DEFAULT_TIER" | "CUSTOM_TIER" | "VOLUME_DISCOUNT" | "OVERRIDE" | "WARRANTY";
export const PRICE_SOURCE_LABELS: Readonly<Record<PriceSourceCode, string>> = {
  DEFAULT_TIER: "standard tier",
  CUSTOM_TIER: "contract tier",
  VOLUME_DISCOUNT: "volume discount",
  OVERRIDE: "price override",
  WARRANTY: "warranty",
};
