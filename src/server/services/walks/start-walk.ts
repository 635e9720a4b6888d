// A technician starts walking a customer's lot, often offline: the walk carries a
// client-generated id, and a replay (or starting an already started walk) changes nothing.
import "server-only";
import { z } from "zod";
import { NUMBER_RANGES, assertAllowed } from "~/domain";
import type { Db, DbTx } from "../../db";
import type { LotWalk } from "../../db/generated/client";
import { InvalidRequest, NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";
import { dateInput, rangeInput } from "../../data/shared-inputs";

export const startWalkInput = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  /** Who walks; defaults to the acting technician (a manager or admin may name one). */
  technicianId: z.uuid().optional(),
  startedAt: dateInput.optional(),
  latitude: rangeInput(NUMBER_RANGES.latitude).optional(),
  longitude: rangeInput(NUMBER_RANGES.longitude).optional(),
  accuracyM: z.number().min(0).optional(),
});
export type StartWalkInput = z.input<typeof startWalkInput>;
type Start = z.output<typeof startWalkInput>;

export async function startWalk(db: Db, ctx: ServiceContext, raw: StartWalkInput): Promise<LotWalk> {
  const input = startWalkInput.parse(raw);
  return retryOnDuplicateId(() => db.$transaction((tx) => start(tx, ctx, input)));
}

async function start(tx: DbTx, ctx: ServiceContext, input: Start): Promise<LotWalk> {
  const existing = await tx.lotWalk.findUnique({ where: { id: input.id } });
  const technicianId = input.technicianId ?? existing?.technicianId ?? ctx.actor.technician?.id;
  if (!technicianId) throw new InvalidRequest("TECHNICIAN_REQUIRED", "Choose the technician who walks the lot.");
  if (existing && (existing.customerId !== input.customerId || existing.technicianId !== technicianId)) {
    throw new InvalidRequest("ID_IN_USE", "This walk id is already used by another walk.");
  }
  if (!(await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true } })))
    throw new NotFound("Customer");
  const technician = await tx.technician.findUnique({
    where: { id: technicianId },
    select: { blockedBy: { where: { id: input.customerId }, select: { id: true } } },
  });
  if (!technician) throw new NotFound("Technician");
  assertAllowed(ctx.actor, "walk.start", {
    technicianId,
    customerId: input.customerId,
    blockedByCustomer: technician.blockedBy.length > 0,
  });
  if (existing && existing.status !== "SCHEDULED") return existing;

  const started = {
    status: "IN_PROGRESS" as const,
    startedAt: input.startedAt ?? new Date(),
    startLatitude: input.latitude,
    startLongitude: input.longitude,
    startAccuracyM: input.accuracyM,
  };
  const after = existing
    ? await tx.lotWalk.update({ where: { id: existing.id }, data: started })
    : await tx.lotWalk.create({ data: { ...started, id: input.id, customerId: input.customerId, technicianId } });
  await auditChange(tx, ctx, {
    action: "walk.start",
    entityType: "LotWalk",
    entityId: after.id,
    before: existing,
    after,
  });
  return after;
}
