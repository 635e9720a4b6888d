// The admin registers a vehicle of a customer's fleet (a walk may also add one it finds).
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, assertUnitRecord, businessYear, normalizeUnitRecord } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";
import { writeUnitNumber } from "../../data/units/write-unit-number";

export const unitFields = {
  unitNumber: textInput(FIELDS.unitNumber),
  assetTag: textInput(FIELDS.assetTag).nullable().optional(),
  vin: textInput(FIELDS.vin).nullable().optional(),
  make: textInput(FIELDS.make).nullable().optional(),
  model: textInput(FIELDS.model).nullable().optional(),
  year: z.number().int().nullable().optional(),
};

export const createUnitInput = z.object({ customerId: z.uuid(), ...unitFields });
export type CreateUnitInput = z.input<typeof createUnitInput>;

export async function createUnit(db: Db, ctx: ServiceContext, raw: CreateUnitInput) {
  const { customerId, ...fields } = createUnitInput.parse(raw);
  assertAllowed(ctx.actor, "unit.edit", { customerId });
  const record = normalizeUnitRecord(fields);
  assertUnitRecord(record, businessYear(new Date(), config().BUSINESS_TIME_ZONE));
  return db.$transaction(async (tx) => {
    if (!(await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } })))
      throw new NotFound("Customer");
    const unit = await writeUnitNumber(
      tx,
      { customerId, unitNumber: record.unitNumber, assetTag: record.assetTag },
      () => tx.unit.create({ data: { ...record, customerId } }),
    );
    await auditChange(tx, ctx, {
      action: "unit.create",
      entityType: "Unit",
      entityId: unit.id,
      before: null,
      after: unit,
    });
    return unit;
  });
}
