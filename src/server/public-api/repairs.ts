// /api/v1/repairs: list, get, request (with the upfront price), approve, deny, cancel, each
// through the same service the screens use (listRepairs, getRepair, requestRepair,
// approveRepairs, denyRepairs, cancelRepair), acting as the caller's owner.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FIELDS } from "~/domain";
import { DamageType, RepairStatus } from "../db/generated/client";
import { approveRepairs } from "../services/repairs/approve-repairs";
import { cancelRepair } from "../services/repairs/cancel-repair";
import { denyRepairs } from "../services/repairs/deny-repairs";
import { getRepair } from "../services/repairs/get-repair";
import { listRepairs } from "../services/repairs/list-repairs";
import { requestRepair } from "../services/repairs/request-repair";
import { type OperationInput, pathId } from "./context";
import { cursorAfter, encodeCursor } from "./cursor";
import { ApiAnswer } from "./handle";

export const API_PAGE_MAX = 100;

export const listRepairsQuery = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(RepairStatus)).min(1))
    .optional()
    .describe("Comma-separated statuses"),
  customer: z.uuid().optional(),
  unit: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(50),
});

/** A repair as the caller sees it (customer keys do not get the office's internal fields). */
export const repairSchema = z.looseObject({
  id: z.uuid(),
  status: z.enum(RepairStatus),
  customerId: z.uuid(),
  unitId: z.uuid(),
  damageType: z.enum(DamageType),
  estimateCents: z.int().nullable(),
  priceCents: z.int().nullable(),
  createdAt: z.string(),
});
export const repairPageSchema = z.object({ items: z.array(repairSchema), nextCursor: z.string().nullable() });
export const repairDetailSchema = repairSchema.extend({
  unit: z.object({ id: z.uuid(), unitNumber: z.string(), windshieldSeq: z.int() }),
  attachments: z.array(z.looseObject({ id: z.uuid() })),
});
export const requestedRepairSchema = repairSchema.extend({
  upfrontPriceCents: z.int().nullable().describe("The price quoted when the request was made"),
});
export const repairListSchema = z.object({ items: z.array(repairSchema) });

export const createRepairBody = z.strictObject({
  id: z.uuid().optional().describe("The new repair's id; made up when absent"),
  unitId: z.uuid(),
  damageType: z.enum(DamageType),
  damagePosition: z.string().max(FIELDS.damagePosition.maxLength).optional(),
  customerNotes: z.string().max(FIELDS.customerNotes.maxLength).optional(),
});
export const approveRepairsBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(100),
  note: z.string().max(FIELDS.reason.maxLength).optional(),
});
export const denyRepairsBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(100),
  reason: z.string().min(1).max(FIELDS.reason.maxLength),
});
export const cancelRepairBody = z.strictObject({ reason: z.string().min(1).max(FIELDS.reason.maxLength) });

type Input<Body = undefined, Query = undefined> = OperationInput<Body, Query>;

export async function listRepairsOperation({ db, ctx, query }: Input<undefined, z.output<typeof listRepairsQuery>>) {
  const page = await listRepairs(db, ctx, {
    status: query.status,
    customerId: query.customer,
    unitId: query.unit,
    cursor: cursorAfter(query.cursor),
    limit: query.limit,
  });
  return { items: page.items, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null };
}

export const getRepairOperation = ({ db, ctx, id }: Input) => getRepair(db, ctx, { id: pathId(id, "Repair") });

export async function createRepairOperation({ db, ctx, body }: Input<z.output<typeof createRepairBody>>) {
  const repair = await requestRepair(db, ctx, { ...body, id: body.id ?? randomUUID() });
  return new ApiAnswer(201, { ...repair, upfrontPriceCents: repair.estimateCents ?? repair.priceCents ?? null });
}

export const approveRepairsOperation = async ({ db, ctx, body }: Input<z.output<typeof approveRepairsBody>>) => ({
  items: await approveRepairs(db, ctx, body),
});

export const denyRepairsOperation = async ({ db, ctx, body }: Input<z.output<typeof denyRepairsBody>>) => ({
  items: await denyRepairs(db, ctx, body),
});

export const cancelRepairOperation = ({ db, ctx, id, body }: Input<z.output<typeof cancelRepairBody>>) =>
  cancelRepair(db, ctx, { repairId: pathId(id, "Repair"), reason: body.reason });
