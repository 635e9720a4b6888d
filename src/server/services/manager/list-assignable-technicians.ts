// The assign picker for one repair: exactly the technicians the assign action would accept
// (the domain decides), the customer's preferred ones first, each with their open work so the
// manager can spread it.
import "server-only";
import { z } from "zod";
import { assignableTechnicians } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { OPEN_STATUSES } from "../../data/repairs/refresh-open-estimates";

export const listAssignableTechniciansInput = z.object({ repairId: z.uuid() });
export type ListAssignableTechniciansInput = z.input<typeof listAssignableTechniciansInput>;

export async function listAssignableTechnicians(db: Db, ctx: ServiceContext, raw: ListAssignableTechniciansInput) {
  const input = listAssignableTechniciansInput.parse(raw);
  const repair = await loadRepairFor(db, ctx.actor, input.repairId, { lock: false });
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: repair.customerId },
    select: { preferredTechnicians: { select: { id: true } }, blockedTechnicians: { select: { id: true } } },
  });
  const preferred = new Set(customer.preferredTechnicians.map((t) => t.id));
  const blocked = new Set(customer.blockedTechnicians.map((t) => t.id));
  const technicians = await db.technician.findMany({
    select: { id: true, isActive: true, isManager: true, user: { select: { name: true, isActive: true } } },
  });
  const open = await db.repair.groupBy({
    by: ["technicianId"],
    where: { technicianId: { in: technicians.map((t) => t.id) }, status: { in: OPEN_STATUSES } },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((g) => [g.technicianId, g._count._all]));
  const candidates = technicians.map((t) => ({
    technicianId: t.id,
    name: t.user.name,
    isManager: t.isManager,
    isActive: t.isActive && t.user.isActive,
    blockedByCustomer: blocked.has(t.id),
    preferredByCustomer: preferred.has(t.id),
    openRepairs: openBy.get(t.id) ?? 0,
  }));
  return assignableTechnicians(ctx.actor, repairRef(repair), candidates);
}
