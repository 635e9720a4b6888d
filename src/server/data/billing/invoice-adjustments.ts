// Lines an invoice gets besides its repairs: discounts and reward redemptions, never a change to
// a repair's price. Called once per invoice being made, in the invoicing transaction.
import "server-only";
import type { DbTx } from "../../db";

export type AdjustmentLine = {
  kind: "DISCOUNT" | "REWARD_REDEMPTION";
  description: string;
  /** Negative: it lowers the total. */
  amountCents: number;
};

export type InvoiceDraft = {
  customerId: string;
  periodStart: string;
  periodEnd: string;
  walkId: string | null;
  repairIds: readonly string[];
  subtotalCents: number;
};

/** Reward redemptions plug in here (the points ledger books them in this same transaction). */
export async function invoiceAdjustments(
  _tx: DbTx,
  _customerId: string,
  _invoiceDraft: InvoiceDraft,
): Promise<AdjustmentLine[]> {
  return [];
}
