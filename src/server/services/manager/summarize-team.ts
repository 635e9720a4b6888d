// The manager's team board: for each technician (the manager and those they manage; an admin
// sees everyone), today's work by status, what they completed today, the walk they are on,
// and when their device last synced (work may still be waiting on a device).
import "server-only";
import { PRICE_FROZEN_STATUSES, type Status, overseenTechnicianIds, sameBusinessDay } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { OPEN_STATUSES } from "../../data/repairs/refresh-open-estimates";

// A business day lies within 36 hours of any of its instants, whatever the time zone.
const DAY_REACH_MS = 36 * 60 * 60 * 1000;

export type TeamMember = {
  technicianId: string;
  name: string;
  isSelf: boolean;
  isManager: boolean;
  isActive: boolean;
  lastSyncAt: Date | null;
  /** Open work assigned to them, by status. */
  openByStatus: Partial<Record<Status, number>>;
  openRepairs: number;
  completedToday: number;
  currentWalk: { id: string; customerName: string; startedAt: Date | null } | null;
};

export async function summarizeTeam(db: Db, ctx: ServiceContext): Promise<TeamMember[]> {
  const self = ctx.actor.technician;
  const overseen = overseenTechnicianIds(ctx.actor);
  const ids = overseen === "all" ? undefined : [...overseen];
  const now = new Date();
  const technicians = await db.technician.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: {
      id: true,
      isManager: true,
      isActive: true,
      lastSyncAt: true,
      user: { select: { name: true, isActive: true } },
    },
  });
  const memberIds = technicians.map((t) => t.id);
  const open = await db.repair.groupBy({
    by: ["technicianId", "status"],
    where: { technicianId: { in: memberIds }, status: { in: OPEN_STATUSES } },
    _count: { _all: true },
  });
  const recent = await db.repair.findMany({
    where: {
      technicianId: { in: memberIds },
      status: { in: [...PRICE_FROZEN_STATUSES] },
      completedAt: { gte: new Date(now.getTime() - DAY_REACH_MS) },
    },
    select: { technicianId: true, completedAt: true },
  });
  const walks = await db.lotWalk.findMany({
    where: { technicianId: { in: memberIds }, status: "IN_PROGRESS" },
    select: { id: true, technicianId: true, startedAt: true, customer: { select: { name: true } } },
    orderBy: { startedAt: "desc" },
  });
  const timeZone = config().BUSINESS_TIME_ZONE;
  const members = technicians.map((t): TeamMember => {
    const openByStatus: Partial<Record<Status, number>> = {};
    for (const g of open.filter((g) => g.technicianId === t.id)) openByStatus[g.status] = g._count._all;
    const walk = walks.find((w) => w.technicianId === t.id);
    return {
      technicianId: t.id,
      name: t.user.name,
      isSelf: t.id === self?.id,
      isManager: t.isManager,
      isActive: t.isActive && t.user.isActive,
      lastSyncAt: t.lastSyncAt,
      openByStatus,
      openRepairs: Object.values(openByStatus).reduce((a, b) => a + b, 0),
      completedToday: recent.filter(
        (r) => r.technicianId === t.id && r.completedAt && sameBusinessDay(r.completedAt, now, timeZone),
      ).length,
      currentWalk: walk ? { id: walk.id, customerName: walk.customer.name, startedAt: walk.startedAt } : null,
    };
  });
  return members.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}
