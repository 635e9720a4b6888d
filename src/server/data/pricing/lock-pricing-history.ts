// Completions are priced from history, so two of them must not read the same history at once:
// the unit's row serialises its tier ordinals (and windshield replacements), the customer's
// row its position in the month for the volume discount. Always customer first, then unit.
import "server-only";
import type { DbTx } from "../../db";
import { NotFound } from "../../errors";

/** Locks until the transaction ends; returns the unit's current windshield. */
export async function lockPricingHistory(
  tx: DbTx,
  customerId: string,
  unitId: string,
): Promise<{ windshieldSeq: number }> {
  await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE id = ${customerId}::uuid FOR NO KEY UPDATE`;
  const [unit] = await tx.$queryRaw<{ windshieldSeq: number }[]>`
    SELECT "windshieldSeq" FROM "Unit" WHERE id = ${unitId}::uuid AND "customerId" = ${customerId}::uuid FOR UPDATE`;
  if (!unit) throw new NotFound("Unit");
  return unit;
}
