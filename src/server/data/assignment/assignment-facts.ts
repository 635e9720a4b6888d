// What smart assignment scores technicians on, read in a few queries for one or many jobs:
// every technician's open work, skills, positions and working hours, the customers' preferred
// and blocked lists, past repairs per customer and the walks already planned per day.
import "server-only";
import { businessDate } from "../settings/business-day";
import {
  type AssignmentJob,
  type DamageTypeName,
  WALK_LENGTH_MINUTES,
  type ScoringCandidate,
  type Weekday,
  weekdayOf,
} from "~/domain";
import type { Db, DbTx } from "../../db";
import { OPEN_STATUSES } from "../repairs/refresh-open-estimates";

const DONE = ["COMPLETED", "INVOICED", "CLOSED"] as const;

type Technician = {
  id: string;
  name: string;
  isActive: boolean;
  skills: DamageTypeName[];
  base: ScoringCandidate["base"];
  last: ScoringCandidate["last"];
  workingHours: unknown;
};

export type AssignmentFacts = {
  technicians: Technician[];
  openWork: Map<string, number>;
  /** "<technicianId>:<customerId>" → completed repairs there. */
  pastRepairs: Map<string, number>;
  /** "<technicianId>:<yyyy-mm-dd>" → walks planned that day. */
  plannedWalks: Map<string, number>;
  customers: Map<string, { preferred: Set<string>; blocked: Set<string> }>;
};

/** A job's day as "yyyy-mm-dd" (UTC calendar date, as @db.Date stores it) and its weekday. */
export type JobDay = { date: string; weekday: Weekday };

/** Today on the business's calendar. */
export function businessToday(now: Date): JobDay {
  return jobDay(businessDate(now));
}

export function jobDay(date: string): JobDay {
  return { date, weekday: weekdayOf(date) };
}

export async function loadAssignmentFacts(
  db: Db | DbTx,
  customerIds: readonly string[],
  days: readonly string[],
): Promise<AssignmentFacts> {
  const customerList = [...new Set(customerIds)];
  const [rows, open, past, walks, customers] = await Promise.all([
    db.technician.findMany({
      select: {
        id: true,
        isActive: true,
        skills: true,
        workingHours: true,
        baseLatitude: true,
        baseLongitude: true,
        lastLatitude: true,
        lastLongitude: true,
        lastPositionAt: true,
        user: { select: { name: true, isActive: true } },
      },
    }),
    db.repair.groupBy({
      by: ["technicianId"],
      where: { technicianId: { not: null }, status: { in: OPEN_STATUSES } },
      _count: { _all: true },
    }),
    db.repair.groupBy({
      by: ["technicianId", "customerId"],
      where: { technicianId: { not: null }, customerId: { in: customerList }, status: { in: [...DONE] } },
      _count: { _all: true },
    }),
    db.lotWalk.groupBy({
      by: ["technicianId", "scheduledFor"],
      where: {
        technicianId: { not: null },
        status: { in: ["SCHEDULED", "IN_PROGRESS"] },
        scheduledFor: { in: [...new Set(days)].map((d) => new Date(`${d}T00:00:00Z`)) },
      },
      _count: { _all: true },
    }),
    db.customer.findMany({
      where: { id: { in: customerList } },
      select: { id: true, preferredTechnicians: { select: { id: true } }, blockedTechnicians: { select: { id: true } } },
    }),
  ]);
  const technicians = rows.map((t) => ({
    id: t.id,
    name: t.user.name,
    isActive: t.isActive && t.user.isActive,
    skills: t.skills,
    base: position(t.baseLatitude, t.baseLongitude),
    last: t.lastPositionAt
      ? (() => {
          const p = position(t.lastLatitude, t.lastLongitude);
          return p && { ...p, at: t.lastPositionAt };
        })()
      : null,
    workingHours: t.workingHours,
  }));
  return {
    technicians,
    openWork: new Map(open.map((g) => [g.technicianId!, g._count._all])),
    pastRepairs: new Map(past.map((g) => [`${g.technicianId}:${g.customerId}`, g._count._all])),
    plannedWalks: new Map(
      walks.map((g) => [`${g.technicianId}:${g.scheduledFor!.toISOString().slice(0, 10)}`, g._count._all]),
    ),
    customers: new Map(
      customers.map((c) => [
        c.id,
        {
          preferred: new Set(c.preferredTechnicians.map((t) => t.id)),
          blocked: new Set(c.blockedTechnicians.map((t) => t.id)),
        },
      ]),
    ),
  };
}

/** Every technician as a candidate for one job; `notAllowed` says why the actor may not choose them. */
export function candidatesFor(
  facts: AssignmentFacts,
  job: { customerId: string; day: JobDay },
  notAllowed: (technicianId: string, assignee: { isActive: boolean; blockedByCustomer: boolean }) => string | null,
): ScoringCandidate[] {
  const customer = facts.customers.get(job.customerId);
  return facts.technicians.map((t) => {
    const blockedByCustomer = customer?.blocked.has(t.id) ?? false;
    return {
      technicianId: t.id,
      name: t.name,
      isActive: t.isActive,
      blockedByCustomer,
      preferredByCustomer: customer?.preferred.has(t.id) ?? false,
      notAllowed: notAllowed(t.id, { isActive: t.isActive, blockedByCustomer }),
      openWork: facts.openWork.get(t.id) ?? 0,
      base: t.base,
      last: t.last,
      skills: t.skills,
      pastRepairsHere: facts.pastRepairs.get(`${t.id}:${job.customerId}`) ?? 0,
      workingHours: t.workingHours,
      plannedMinutes: (facts.plannedWalks.get(`${t.id}:${job.day.date}`) ?? 0) * WALK_LENGTH_MINUTES,
    };
  });
}

/** Where a job happens: its own site, else the customer's primary site, else unknown. */
export async function siteOf(
  db: Db | DbTx,
  job: { siteId: string | null; customerId: string },
): Promise<AssignmentJob["site"]> {
  const site = job.siteId
    ? await db.customerSite.findUnique({ where: { id: job.siteId }, select: { latitude: true, longitude: true } })
    : await db.customerSite.findFirst({
        where: { customerId: job.customerId },
        orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
        select: { latitude: true, longitude: true },
      });
  return site ? { latitude: site.latitude, longitude: site.longitude } : null;
}

function position(latitude: number | null, longitude: number | null) {
  return latitude === null || longitude === null ? null : { latitude, longitude };
}
