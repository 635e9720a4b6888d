// Completed repairs written straight into the database, as completion leaves them (frozen price,
// ordinal, source, completion time): for billing tests and the invoicing bench, which need many.
import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import { insertRows } from "~/server/db/insert-rows";

export type CompletedSpec = {
  unitId: string;
  completedAt: Date;
  priceCents?: number;
  tierOrdinal?: number;
  priceSource?: "DEFAULT_TIER" | "CUSTOM_TIER" | "VOLUME_DISCOUNT" | "OVERRIDE";
  walkId?: string | null;
  technicianId?: string | null;
};

export async function insertCompletedRepairs(
  db: Db,
  customerId: string,
  createdById: string,
  specs: readonly CompletedSpec[],
): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = specs.map((s, i) => ({
    id: randomUUID(),
    customerId,
    unitId: s.unitId,
    windshieldSeq: 1,
    walkId: s.walkId ?? null,
    technicianId: s.technicianId ?? null,
    origin: s.walkId ? "LOT_WALK" : "STAFF",
    status: "COMPLETED",
    damageType: "CHIP",
    priceCents: s.priceCents ?? 5000,
    tierOrdinal: s.tierOrdinal ?? i + 1,
    priceSource: s.priceSource ?? "DEFAULT_TIER",
    completedAt: s.completedAt.toISOString(),
    createdById,
    createdAt: now,
    updatedAt: now,
  }));
  await insertRows(db, "Repair", rows);
  return rows.map((r) => r.id);
}

/** A unit per number, for one customer. */
export async function insertUnits(db: Db, customerId: string, numbers: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const unitNumber of numbers) ids.push((await db.unit.create({ data: { customerId, unitNumber } })).id);
  return ids;
}
