// What each technician's device holds offline of each customer (settings and price list
// versions), written by sync.prepare, so an admin changing them sees whose copy is now old.
import "server-only";
import type { DbTx } from "../../db";

export type HandedOut = { customerId: string; settingsVersion: number; pricingVersion: number };

/** In prepare's transaction: one row per technician and customer, replaced by each prepare (one statement). */
export async function recordOfflineCopies(
  tx: DbTx,
  technicianId: string,
  copies: readonly HandedOut[],
  preparedAt: Date,
): Promise<void> {
  if (copies.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "OfflineCopy" ("technicianId", "customerId", "settingsVersion", "pricingVersion", "preparedAt")
    SELECT ${technicianId}::uuid, t.c, t.s, t.p, ${preparedAt}
    FROM unnest(${copies.map((c) => c.customerId)}::uuid[], ${copies.map((c) => c.settingsVersion)}::int[],
                ${copies.map((c) => c.pricingVersion)}::int[]) AS t(c, s, p)
    ON CONFLICT ("technicianId", "customerId") DO UPDATE SET
      "settingsVersion" = EXCLUDED."settingsVersion",
      "pricingVersion" = EXCLUDED."pricingVersion",
      "preparedAt" = EXCLUDED."preparedAt"`;
}
