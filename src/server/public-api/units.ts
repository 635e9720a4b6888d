// /api/v1/units: a customer's fleet page by page, and units created or corrected through the same
// services as the screens (createUnit, updateUnit: the unit-number rule, audit, permissions).
import "server-only";
import { z } from "zod";
import { customerInScope } from "../data/customers/customer-in-scope";
import { createUnit, unitFields } from "../services/units/create-unit";
import { updateUnit } from "../services/units/update-unit";
import { type OperationInput, pathId } from "./context";
import { cursorAfter, encodeCursor } from "./cursor";
import { ApiAnswer } from "./handle";
import { API_PAGE_MAX } from "./repairs";

export const listUnitsQuery = z.strictObject({
  customer: z.uuid().optional().describe("Required for business-wide keys; a customer key lists its own fleet"),
  search: z.string().min(1).max(50).optional().describe("Part of the unit number or VIN"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(50),
});

export const unitSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  unitNumber: z.string(),
  vin: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  year: z.int().nullable(),
  windshieldSeq: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const unitPageSchema = z.object({ items: z.array(unitSchema), nextCursor: z.string().nullable() });

export const createUnitBody = z.strictObject({
  customerId: z.uuid().optional().describe("Required for business-wide keys"),
  ...unitFields,
});
export const updateUnitBody = z.strictObject({ ...unitFields, unitNumber: unitFields.unitNumber.optional() });

const unitView = (u: z.input<typeof unitSchema> & Record<string, unknown>) => ({
  id: u.id,
  customerId: u.customerId,
  unitNumber: u.unitNumber,
  vin: u.vin,
  make: u.make,
  model: u.model,
  year: u.year,
  windshieldSeq: u.windshieldSeq,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
type UnitRow = Parameters<typeof unitView>[0];

export async function listUnitsOperation({
  db,
  caller,
  query,
}: OperationInput<undefined, z.output<typeof listUnitsQuery>>) {
  const customerId = customerInScope(caller.actor, query.customer, "customer.priceList.view");
  const after = cursorAfter(query.cursor);
  const rows = await db.unit.findMany({
    where: {
      customerId,
      ...(after !== undefined ? { unitNumber: { gt: after } } : {}),
      ...(query.search
        ? {
            OR: [
              { unitNumber: { contains: query.search, mode: "insensitive" } },
              { vin: { contains: query.search, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: { unitNumber: "asc" },
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((u) => unitView(u as unknown as UnitRow));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.unitNumber) : null };
}

export async function createUnitOperation({ db, caller, ctx, body }: OperationInput<z.output<typeof createUnitBody>>) {
  const customerId = body.customerId ?? caller.actor.customerId ?? "";
  const unit = await createUnit(db, ctx, {
    ...body,
    customerId: customerInScope(caller.actor, customerId || undefined, "customer.priceList.view"),
  });
  return new ApiAnswer(201, unitView(unit as unknown as UnitRow));
}

export async function updateUnitOperation({ db, ctx, id, body }: OperationInput<z.output<typeof updateUnitBody>>) {
  const unit = await updateUnit(db, ctx, { ...body, unitId: pathId(id, "Unit") });
  return unitView(unit as unknown as UnitRow);
}
