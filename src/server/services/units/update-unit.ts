// The admin corrects a unit's number, asset tag, VIN, make, model or year. Its repairs and windshields
// are untouched (a new windshield is markWindshieldReplaced).
import "server-only";
import { z } from "zod";
import { assertAllowed, assertUnitRecord, businessYear, normalizeUnitRecord } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { unitFields } from "./create-unit";
import { loadUnitFor } from "../../data/units/load-unit-for";
import { writeUnitNumber } from "../../data/units/write-unit-number";

export const updateUnitInput = z.object({
  unitId: z.uuid(),
  ...unitFields,
  unitNumber: unitFields.unitNumber.optional(),
});
export type UpdateUnitInput = z.input<typeof updateUnitInput>;

export async function updateUnit(db: Db, ctx: ServiceContext, raw: UpdateUnitInput) {
  const { unitId, ...changes } = updateUnitInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await loadUnitFor(tx, ctx.actor, unitId);
    assertAllowed(ctx.actor, "unit.edit", { customerId: before.customerId });
    const record = normalizeUnitRecord({
      unitNumber: changes.unitNumber ?? before.unitNumber,
      assetTag: changes.assetTag === undefined ? before.assetTag : changes.assetTag,
      vin: changes.vin === undefined ? before.vin : changes.vin,
      make: changes.make === undefined ? before.make : changes.make,
      model: changes.model === undefined ? before.model : changes.model,
      year: changes.year === undefined ? before.year : changes.year,
    });
    assertUnitRecord(record, businessYear(new Date(), config().BUSINESS_TIME_ZONE));
    const after = await writeUnitNumber(
      tx,
      { customerId: before.customerId, unitNumber: record.unitNumber, assetTag: record.assetTag, unitId },
      () => tx.unit.update({ where: { id: unitId }, data: record }),
    );
    await auditChange(tx, ctx, { action: "unit.update", entityType: "Unit", entityId: unitId, before, after });
    return after;
  });
}
