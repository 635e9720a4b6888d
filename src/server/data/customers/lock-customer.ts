// A change of a customer's price list or settings holds the customer's row until it commits:
// completions price under the same lock (lock-pricing-history.ts), so none is priced half on
// the old rules, and two admins' edits apply one after the other.
import "server-only";
import type { DbTx } from "../../db";
import { NotFound } from "../../errors";

export async function lockCustomer(tx: DbTx, customerId: string): Promise<void> {
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Customer" WHERE id = ${customerId}::uuid FOR NO KEY UPDATE`;
  if (!locked) throw new NotFound("Customer");
}
