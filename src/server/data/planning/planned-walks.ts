// What the office's planning use cases share: the business's today, a walk loaded and locked for
// a change with the actor's right checked, the technician's other walks that day (under the
// technician's row lock, so two planners cannot book one slot twice), and the walk as the week
// view shows it.
import "server-only";
import { businessDate } from "../settings/business-day";
import {
  type PlannedSlot,
  WalkPlanRefused,
  assertAllowed,
  assertWalkPlan,
  reasonsInWords,
} from "~/domain";
import type { DbTx } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";


/** A business day as the DATE column takes and gives it (midnight UTC). */
export const dateValue = (date: string) => new Date(`${date}T00:00:00Z`);
export const dateText = (value: Date) => value.toISOString().slice(0, 10);

export const PLANNED_WALK_SELECT = {
  id: true,
  customerId: true,
  technicianId: true,
  siteId: true,
  status: true,
  origin: true,
  scheduledFor: true,
  scheduledTime: true,
  scheduleKey: true,
  changedByHandAt: true,
  requestedById: true,
  requestNote: true,
  assignmentReasons: true,
  customer: { select: { name: true } },
  site: { select: { name: true, latitude: true, longitude: true } },
  technician: { select: { user: { select: { name: true } } } },
} as const;

type PlannedWalkRow = {
  id: string;
  customerId: string;
  technicianId: string | null;
  siteId: string | null;
  status: string;
  origin: string;
  scheduledFor: Date | null;
  scheduledTime: string | null;
  changedByHandAt: Date | null;
  requestedById: string | null;
  requestNote: string | null;
  assignmentReasons: unknown;
  customer: { name: string };
  site: { name: string; latitude: number; longitude: number } | null;
  technician: { user: { name: string } } | null;
};

export function plannedWalkView(w: PlannedWalkRow) {
  return {
    id: w.id,
    customerId: w.customerId,
    customerName: w.customer.name,
    siteId: w.siteId,
    siteName: w.site?.name ?? null,
    technicianId: w.technicianId,
    technicianName: w.technician?.user.name ?? null,
    status: w.status,
    origin: w.origin,
    date: w.scheduledFor ? dateText(w.scheduledFor) : null,
    time: w.scheduledTime,
    changedByHand: w.changedByHandAt !== null,
    /** The customer asked for this walk on the portal. */
    requestedByCustomer: w.requestedById !== null,
    /** What the customer wrote with the request. */
    requestNote: w.requestNote,
    assignmentReasons: reasonsInWords(w.assignmentReasons),
  };
}
export type PlannedWalkView = ReturnType<typeof plannedWalkView>;

/** The fields of a walk a planning change writes in its audit entry. */
export const auditedFields = (w: PlannedWalkRow) => ({
  technicianId: w.technicianId,
  siteId: w.siteId,
  status: w.status,
  scheduledFor: w.scheduledFor ? dateText(w.scheduledFor) : null,
  scheduledTime: w.scheduledTime,
  changedByHandAt: w.changedByHandAt,
});

/** The walk, locked for this change; only a planned (not started, finished or cancelled) one changes. */
export async function lockPlannedWalk(tx: DbTx, walkId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "LotWalk" WHERE id = ${walkId}::uuid FOR UPDATE`;
  if (!locked) throw new NotFound("Walk");
  const walk = await tx.lotWalk.findUniqueOrThrow({ where: { id: walkId }, select: PLANNED_WALK_SELECT });
  if (walk.status !== "SCHEDULED")
    throw new WalkPlanRefused(
      "WALK_NOT_PLANNED",
      `This walk is ${walk.status.toLowerCase().replace("_", " ")}: only a planned walk can be changed.`,
    );
  return walk;
}

/**
 * Checks the planned walk `slot` for `technicianId` (null: unassigned) at `customerId`: the
 * actor's right (their team; never a technician the customer blocked, nor an inactive one), not
 * in the past, and no overlap with the technician's other walks that day. Locks the technician
 * row first, so a concurrent booking of the same slot waits and then sees this one.
 */
export async function checkWalkPlan(
  tx: DbTx,
  ctx: ServiceContext,
  current: { technicianId: string | null; customerId: string },
  slot: PlannedSlot,
  technicianId: string | null,
  today = businessDate(),
): Promise<void> {
  let targetBlocked = false;
  if (technicianId) {
    const [technician] = await tx.$queryRaw<{ id: string }[]>`
      SELECT t.id FROM "Technician" t JOIN "User" u ON u.id = t."userId"
      WHERE t.id = ${technicianId}::uuid AND t."isActive" AND u."isActive" FOR NO KEY UPDATE OF t`;
    if (!technician) throw new NotFound("Technician");
    targetBlocked =
      (await tx.customer.count({
        where: { id: current.customerId, blockedTechnicians: { some: { id: technicianId } } },
      })) > 0;
  }
  assertAllowed(ctx.actor, "walk.plan", { walk: current, targetTechnicianId: technicianId, targetBlocked });
  const others = technicianId
    ? await tx.lotWalk.findMany({
        where: { technicianId, scheduledFor: dateValue(slot.date), status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
        select: { id: true, scheduledTime: true, customer: { select: { name: true } } },
      })
    : [];
  assertWalkPlan(
    slot,
    today,
    others.map((o) => ({ id: o.id, date: slot.date, time: o.scheduledTime })),
  );
}
