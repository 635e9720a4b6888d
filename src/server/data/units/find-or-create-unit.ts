// Lot walks find vehicles the office never registered: a new unit number creates the unit.
import "server-only";
import { type NewUnitFacts, acceptedNewUnitFacts, businessYear, normalizeUnitNumber } from "~/domain/index";
import { config } from "../../config";
import type { DbTx } from "../../db";
import type { Unit } from "../../db/generated/client";
import { type ChangeEntry, auditChange } from "../audit-change";
import type { ServiceContext } from "../../service-context";

/** A new unit's windshield: its pricing history starts here. */
export const FIRST_WINDSHIELD_SEQ = 1;

export async function findOrCreateUnit(
  tx: DbTx,
  ctx: ServiceContext,
  customerId: string,
  typed: string,
  read?: Partial<NewUnitFacts>,
): Promise<Unit> {
  // "ab-12" typed on the lot is the office's "AB-12": the database holds only normalized numbers.
  const unitNumber = normalizeUnitNumber(typed);
  const existing = await tx.unit.findUnique({ where: { customerId_unitNumber: { customerId, unitNumber } } });
  if (existing) return existing;
  const unit = await tx.unit.create({
    data: { customerId, unitNumber, windshieldSeq: FIRST_WINDSHIELD_SEQ, ...newUnitFacts(read) },
  });
  await auditChange(tx, ctx, newUnitAudit(unit));
  return unit;
}

/** A new unit's VIN, make and year as the device read them (a scanned VIN), the invalid ones dropped. */
export const newUnitFacts = (read: Partial<NewUnitFacts> | undefined): NewUnitFacts =>
  acceptedNewUnitFacts(read, businessYear(new Date(), config().BUSINESS_TIME_ZONE));

/** The audit entry of a unit created because a walk found it (also written by a sync batch's bulk insert). */
export const newUnitAudit = (unit: Unit): ChangeEntry => ({
  action: "unit.create",
  entityType: "Unit",
  entityId: unit.id,
  before: null,
  after: unit,
});
