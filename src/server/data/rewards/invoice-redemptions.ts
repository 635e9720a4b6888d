// Redemptions become discount lines on the customer's next invoice. The invoicing transaction
// takes the customer's redemptions not yet on an invoice (holding its row, as a redemption does,
// so none is added or taken twice meanwhile), writes one discount line each, then attaches them
// to the invoice it issued. A repair's price is never touched: the discount is the invoice's.
import "server-only";
import { redemptionsWithin } from "~/domain/rewards";
import type { DbTx } from "../../db";
import { lockCustomer } from "../customers/lock-customer";

export type RedemptionLine = {
  redemptionId: string;
  /** Points redeemed (positive). */
  points: number;
  /** The discount, in cents (positive; the line subtracts it), frozen when redeemed. */
  amountCents: number;
  description: string;
};

/**
 * The customer's redemptions waiting for an invoice, oldest first; call inside the invoicing
 * transaction. With `totalCents` (the invoice's total before discounts), only those that fit in
 * it, so an invoice is never negative; the others wait for a later invoice.
 */
export async function takeRedemptionsForInvoice(
  tx: DbTx,
  customerId: string,
  options: { totalCents?: number } = {},
): Promise<RedemptionLine[]> {
  await lockCustomer(tx, customerId);
  const rows = await tx.pointsEntry.findMany({
    where: { customerId, kind: "REDEMPTION", invoiceId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, points: true, valueCents: true },
  });
  const lines = rows.map((r) => ({
    redemptionId: r.id,
    points: -r.points,
    amountCents: r.valueCents ?? 0,
    description: `Reward points redeemed: ${-r.points} points`,
  }));
  return options.totalCents === undefined ? lines : redemptionsWithin(lines, options.totalCents);
}

/** Marks the redemptions as applied to `invoiceId`; refuses (throws) when one was taken by another invoice. */
export async function attachRedemptionsToInvoice(
  tx: DbTx,
  redemptionIds: readonly string[],
  invoiceId: string,
): Promise<void> {
  if (redemptionIds.length === 0) return;
  const { count } = await tx.pointsEntry.updateMany({
    where: { id: { in: [...redemptionIds] }, kind: "REDEMPTION", invoiceId: null },
    data: { invoiceId },
  });
  if (count !== new Set(redemptionIds).size)
    throw new Error(`redemptions already on another invoice: ${count} of ${redemptionIds.length} attached`);
}

/** An invoice voided (credited in full): its redemptions wait for the next invoice again. */
export async function releaseRedemptionsOfInvoice(tx: DbTx, invoiceId: string): Promise<number> {
  const { count } = await tx.pointsEntry.updateMany({
    where: { invoiceId, kind: "REDEMPTION" },
    data: { invoiceId: null },
  });
  return count;
}
