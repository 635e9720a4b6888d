// The office's week of planned walks: rows are the technicians the actor plans for (a manager:
// their team; an admin: every active technician) plus the unassigned walks, columns the seven
// days from Monday. With it, what planning a walk needs: the customers, their sites and whom each
// customer blocked (the assign control offers only technicians the customer accepts).
import "server-only";
import { businessDate } from "../../data/settings/business-day";
import { z } from "zod";
import { actorKind, addDays, assertAllowed, mondayOf, teamOf } from "~/domain";
import type { Db } from "../../db";
import { PLANNED_WALK_SELECT, dateValue, plannedWalkView } from "../../data/planning/planned-walks";
import type { ServiceContext } from "../../service-context";

export const weekOfWalksInput = z.object({
  /** Any day of the week wanted; this week when absent. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type WeekOfWalksInput = z.input<typeof weekOfWalksInput>;

export async function weekOfWalks(db: Db, ctx: ServiceContext, raw: WeekOfWalksInput) {
  const input = weekOfWalksInput.parse(raw);
  assertAllowed(ctx.actor, "walk.generate", null);
  const today = businessDate();
  const monday = mondayOf(input.day ?? today);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const team = actorKind(ctx.actor) === "admin" || !ctx.actor.technician ? null : [...teamOf(ctx.actor.technician)];
  const technicians = await db.technician.findMany({
    where: { isActive: true, user: { isActive: true }, ...(team ? { id: { in: team } } : {}) },
    select: { id: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const walks = await db.lotWalk.findMany({
    where: {
      scheduledFor: { gte: dateValue(monday), lt: dateValue(addDays(monday, 7)) },
      status: { not: "CANCELLED" },
      ...(team ? { OR: [{ technicianId: null }, { technicianId: { in: team } }] } : {}),
    },
    select: PLANNED_WALK_SELECT,
    orderBy: [{ scheduledFor: "asc" }, { scheduledTime: "asc" }],
  });
  const customers = await db.customer.findMany({
    select: {
      id: true,
      name: true,
      blockedTechnicians: { select: { id: true } },
      sites: { select: { id: true, name: true, isPrimary: true }, orderBy: [{ isPrimary: "desc" }, { name: "asc" }] },
    },
    orderBy: { name: "asc" },
  });
  return {
    today,
    monday,
    days,
    technicians: technicians.map((t) => ({ id: t.id, name: t.user.name })),
    walks: walks.map(plannedWalkView),
    customers: customers.map((c) => ({
      id: c.id,
      name: c.name,
      sites: c.sites,
      blockedTechnicianIds: c.blockedTechnicians.map((t) => t.id),
    })),
  };
}
