// Lines an invoice gets besides its repairs: discounts and reward redemptions, never a change to
// a repair's price. Called once per invoice being made, in the invoicing transaction, under the
// customer's lock: the customer's redemptions waiting for an invoice (those that fit in this one)
// become REWARD_REDEMPTION lines and are attached to it; voiding the invoice releases them.
import "server-only";
import type { DbTx } from "../../db";
import { attachRedemptionsToInvoice, takeRedemptionsForInvoice } from "../rewards/invoice-redemptions";

export type AdjustmentLine = {
  kind: "DISCOUNT" | "REWARD_REDEMPTION";
  description: string;
  /** Negative: it lowers the total. */
  amountCents: number;
};

export type InvoiceDraft = {
  /** The id the invoice will be written with (after its adjustments). */
  invoiceId: string;
  customerId: string;
  periodStart: string;
  periodEnd: string;
  walkId: string | null;
  repairIds: readonly string[];
  subtotalCents: number;
};

export async function invoiceAdjustments(
  tx: DbTx,
  customerId: string,
  invoiceDraft: InvoiceDraft,
): Promise<AdjustmentLine[]> {
  const redemptions = await takeRedemptionsForInvoice(tx, customerId, { totalCents: invoiceDraft.subtotalCents });
  await attachRedemptionsToInvoice(
    tx,
    redemptions.map((r) => r.redemptionId),
    invoiceDraft.invoiceId,
  );
  return redemptions.map((r) => ({ kind: "REWARD_REDEMPTION", description: r.description, amountCents: -r.amountCents }));
}
