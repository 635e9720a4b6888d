// A technician's day in driving order: the walks planned for that day and their on-call work,
// each at its site (the walk's or repair's own, else the customer's primary site), ordered by
// the domain's route order from where the day starts. Read by the office (route.day) and put in
// the technician's prepared snapshot (the /walk home's "Today", offline).
//
// What counts: walks scheduled that day still to do (SCHEDULED or IN_PROGRESS), except at a
// customer that has blocked the technician; on-call repairs (customer requests) ASSIGNED to the
// technician or IN_PROGRESS. A repair has no day of its own, so open on-call work is part of
// today and of every later day asked, never of a past one.
// A stop without coordinates (no site, no primary site) is listed apart, not guessed.
import "server-only";
import {
  DEFAULT_DAY_START,
  type DayStop,
  type GeoPoint,
  REPAIR_SERVICE_MINUTES,
  WALK_LENGTH_MINUTES,
  dayKey,
  formatMinutesOfDay,
  isGeoPoint,
  minutesOfDay,
  routeDay,
  weekdayOf,
} from "~/domain";
import { config } from "../../config";
import type { Db, DbTx } from "../../db";
import { readBusinessSettings } from "../settings/business-settings";

export type DayStopKind = "walk" | "repair";

export type TechnicianDayStop = {
  kind: DayStopKind;
  /** The walk's or the repair's id. */
  id: string;
  position: number;
  customerId: string;
  customerName: string;
  siteName: string;
  address: string;
  latitude: number;
  longitude: number;
  legKm: number;
  /** "HH:MM" in the business's time zone. */
  eta: string;
  /** A walk's planned start, "HH:MM", or null. */
  plannedTime: string | null;
  waitMinutes: number;
  lateByMinutes: number;
  serviceMinutes: number;
  status: string;
  /** A repair's unit number; "" for a walk. */
  unitNumber: string;
};

export type UnlocatedStop = {
  kind: DayStopKind;
  id: string;
  customerName: string;
  plannedTime: string | null;
  status: string;
  unitNumber: string;
};

export type TechnicianDay = {
  technicianId: string;
  technicianName: string;
  /** "yyyy-mm-dd", a business day. */
  day: string;
  /** Where the route begins: the base, the last position reported that day, or the first stop. */
  start: ({ kind: "base" | "lastPosition" } & GeoPoint) | null;
  startTime: string;
  averageSpeedKmh: number;
  stops: TechnicianDayStop[];
  unlocated: UnlocatedStop[];
  totalKm: number;
  nearestNeighbourKm: number;
};

type SiteRow = { name: string; address: string; latitude: number; longitude: number } | null;

const SITE = { select: { name: true, address: true, latitude: true, longitude: true } } as const;
const CUSTOMER = {
  select: { name: true, address: true, sites: { where: { isPrimary: true }, take: 1, ...SITE } },
} as const;

/** The technician's day; null when no technician has this id. Four reads whatever the day holds. */
export async function loadTechnicianDay(
  db: Db | DbTx,
  technicianId: string,
  day: string,
  now = new Date(),
): Promise<TechnicianDay | null> {
  const technician = await db.technician.findUnique({
    where: { id: technicianId },
    select: {
      id: true,
      workingHours: true,
      baseLatitude: true,
      baseLongitude: true,
      lastLatitude: true,
      lastLongitude: true,
      lastPositionAt: true,
      user: { select: { name: true } },
    },
  });
  if (!technician) return null;
  const timeZone = config().BUSINESS_TIME_ZONE;
  const today = dayKey(now, timeZone);
  const settings = await readBusinessSettings(db);
  const walks = await db.lotWalk.findMany({
    where: {
      technicianId,
      scheduledFor: new Date(`${day}T00:00:00Z`),
      status: { in: ["SCHEDULED", "IN_PROGRESS"] },
      // A customer that blocked the technician is no stop of theirs (the device gets nothing of it).
      customer: { blockedTechnicians: { none: { id: technicianId } } },
    },
    select: {
      id: true,
      status: true,
      customerId: true,
      scheduledTime: true,
      site: SITE,
      customer: CUSTOMER,
    },
    orderBy: [{ scheduledTime: "asc" }, { id: "asc" }],
  });
  const repairs =
    day < today
      ? []
      : await db.repair.findMany({
          where: { technicianId, origin: "CUSTOMER_REQUEST", status: { in: ["ASSIGNED", "IN_PROGRESS"] } },
          select: {
            id: true,
            status: true,
            customerId: true,
            site: SITE,
            customer: CUSTOMER,
            unit: { select: { unitNumber: true } },
          },
          orderBy: [{ urgent: "desc" }, { createdAt: "asc" }],
        });

  type Candidate = Omit<TechnicianDayStop, "position" | "legKm" | "eta" | "waitMinutes" | "lateByMinutes"> & {
    plannedMinutes: number | null;
  };
  const located: Candidate[] = [];
  const unlocated: UnlocatedStop[] = [];
  const place = (
    base: Omit<UnlocatedStop, "customerName"> & { customerId: string; serviceMinutes: number },
    own: SiteRow,
    customer: { name: string; address: string | null; sites: NonNullable<SiteRow>[] },
  ) => {
    const site = own ?? customer.sites[0] ?? null;
    if (!site || !isGeoPoint(site)) {
      unlocated.push({
        kind: base.kind,
        id: base.id,
        customerName: customer.name,
        plannedTime: base.plannedTime,
        status: base.status,
        unitNumber: base.unitNumber,
      });
      return;
    }
    located.push({
      ...base,
      customerName: customer.name,
      siteName: site.name,
      address: site.address || customer.address || "",
      latitude: site.latitude,
      longitude: site.longitude,
      plannedMinutes: minutesOfDay(base.plannedTime),
    });
  };
  for (const w of walks) {
    const plannedTime = minutesOfDay(w.scheduledTime) === null ? null : w.scheduledTime;
    place(
      {
        kind: "walk",
        id: w.id,
        customerId: w.customerId,
        plannedTime,
        status: w.status,
        unitNumber: "",
        serviceMinutes: WALK_LENGTH_MINUTES,
      },
      w.site,
      w.customer,
    );
  }
  for (const r of repairs) {
    place(
      {
        kind: "repair",
        id: r.id,
        customerId: r.customerId,
        plannedTime: null,
        status: r.status,
        unitNumber: r.unit.unitNumber,
        serviceMinutes: REPAIR_SERVICE_MINUTES,
      },
      r.site,
      r.customer,
    );
  }

  const start = dayStart(technician, day, timeZone);
  const startTime = workingDayStart(technician.workingHours, day);
  const stops: DayStop[] = located.map((c) => ({
    id: c.id,
    point: { latitude: c.latitude, longitude: c.longitude },
    serviceMinutes: c.serviceMinutes,
    plannedMinutes: c.plannedMinutes,
  }));
  const routed = routeDay({
    start,
    stops,
    dayStartMinutes: minutesOfDay(startTime)!,
    averageSpeedKmh: settings.averageSpeedKmh,
  });
  const byId = new Map(located.map((c) => [c.id, c]));
  return {
    technicianId,
    technicianName: technician.user.name,
    day,
    start,
    startTime,
    averageSpeedKmh: settings.averageSpeedKmh,
    stops: routed.stops.map((r) => {
      const { plannedMinutes: _planned, ...candidate } = byId.get(r.id)!;
      return {
        ...candidate,
        position: r.position,
        legKm: Math.round(r.legKm * 10) / 10,
        eta: formatMinutesOfDay(r.arrivalMinutes),
        waitMinutes: r.waitMinutes,
        lateByMinutes: r.lateByMinutes,
      };
    }),
    unlocated,
    totalKm: Math.round(routed.totalKm * 10) / 10,
    nearestNeighbourKm: Math.round(routed.nearestNeighbourKm * 10) / 10,
  };
}

/**
 * The last position a device reported, when it was reported on the day being planned (the
 * technician is out already); else the base; else none (the route begins at its first stop).
 */
function dayStart(
  t: {
    baseLatitude: number | null;
    baseLongitude: number | null;
    lastLatitude: number | null;
    lastLongitude: number | null;
    lastPositionAt: Date | null;
  },
  day: string,
  timeZone: string,
): TechnicianDay["start"] {
  const last = { latitude: t.lastLatitude, longitude: t.lastLongitude };
  if (t.lastPositionAt && dayKey(t.lastPositionAt, timeZone) === day && isGeoPoint(last)) {
    return { kind: "lastPosition", ...last };
  }
  const base = { latitude: t.baseLatitude, longitude: t.baseLongitude };
  return isGeoPoint(base) ? { kind: "base", ...base } : null;
}

/** The day's start from the technician's working hours for that weekday, else 08:00. */
function workingDayStart(workingHours: unknown, day: string): string {
  const weekday = weekdayOf(day);
  const hours = workingHours && typeof workingHours === "object" ? (workingHours as Record<string, unknown>) : {};
  const entry = hours[weekday];
  const start = entry && typeof entry === "object" ? (entry as { start?: unknown }).start : undefined;
  return typeof start === "string" && minutesOfDay(start) !== null ? start : DEFAULT_DAY_START;
}
