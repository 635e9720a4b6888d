// Lot walks find vehicles the office never registered: a new unit number creates the unit.
import type { DbTx } from "../../db";
import type { Unit } from "../../db/generated/client";
import { auditChange } from "../audit-change";
import type { ServiceContext } from "../context";

export async function findOrCreateUnit(tx: DbTx, ctx: ServiceContext, customerId: string, unitNumber: string): Promise<Unit> {
  const existing = await tx.unit.findUnique({ where: { customerId_unitNumber: { customerId, unitNumber } } });
  if (existing) return existing;
  const unit = await tx.unit.create({ data: { customerId, unitNumber } });
  await auditChange(tx, ctx, { action: "unit.create", entityType: "Unit", entityId: unit.id, before: null, after: unit });
  return unit;
}
