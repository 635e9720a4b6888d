import { DomainError } from "./errors";
import { type Weekday, WEEKDAYS, isTimeOfDay } from "./week";

// Lot walks planned ahead: which days a customer's schedule gives within the horizon, and the
// rules every planned walk obeys (a site of its own customer, never in the past, no overlap for
// one technician). Dates are business days "yyyy-mm-dd"; times "HH:MM" local.
//
// How the frequencies anchor, so that a rerun on any day gives the same dates:
// - WEEKLY: every chosen weekday.
// - BIWEEKLY: the chosen weekdays of even ISO weeks only, counted from a fixed epoch (the week of
//   Monday 1970-01-05 is week 0): a fortnight never depends on when generation first ran.
// - MONTHLY: one walk a month, on the first day of the month that falls on a chosen weekday
//   (Tuesday/Thursday → whichever of the first Tuesday and the first Thursday comes first).

export type WalkFrequency = "WEEKLY" | "BIWEEKLY" | "MONTHLY";
export type ServiceMode = "SCHEDULED" | "ON_CALL" | "HYBRID";

export type WalkScheduleSettings = {
  lotWalkingEnabled: boolean;
  weekdays: readonly Weekday[];
  frequency: WalkFrequency;
  serviceMode: ServiceMode;
};

/** How long a planned walk holds its technician: two walks of one technician closer than this overlap. */
export const WALK_LENGTH_MINUTES = 120;
/** The horizon an admin may choose, in weeks. */
export const WALK_HORIZON_WEEKS = { min: 1, max: 26 } as const;

const DAY_MS = 86_400_000;
/** Monday 1970-01-05, the start of ISO week 0 for BIWEEKLY parity. */
const EPOCH_MONDAY_DAY = 4;

function dayNumber(date: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  const day = Math.round(ms / DAY_MS);
  // Date.parse rolls 2026-02-30 over to March: a real date reads back the same.
  if (Number.isNaN(ms) || dateOf(day) !== date)
    throw new WalkPlanRefused("INVALID_WALK_DATE", `"${date}" is not a date (yyyy-mm-dd).`);
  return day;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "monday".."sunday" of a date. */
export function weekdayOf(date: string): Weekday {
  // Day 0 (1970-01-01) was a Thursday.
  return WEEKDAYS[(((dayNumber(date) + 3) % 7) + 7) % 7] as Weekday;
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** Whether a schedule produces walks at all: lot walking on, some weekdays, a mode with planned walks. */
export function generatesWalks(settings: WalkScheduleSettings): boolean {
  return (
    settings.lotWalkingEnabled &&
    settings.weekdays.length > 0 &&
    (settings.serviceMode === "SCHEDULED" || settings.serviceMode === "HYBRID")
  );
}

/** Whether `date` is a walk day of the schedule (ignoring any horizon). */
export function isScheduledDay(settings: WalkScheduleSettings, date: string): boolean {
  if (!generatesWalks(settings)) return false;
  const weekday = weekdayOf(date);
  if (!settings.weekdays.includes(weekday)) return false;
  switch (settings.frequency) {
    case "WEEKLY":
      return true;
    case "BIWEEKLY": {
      const week = Math.floor((dayNumber(date) - EPOCH_MONDAY_DAY) / 7);
      return week % 2 === 0;
    }
    case "MONTHLY": {
      // No earlier day of this month falls on a chosen weekday.
      const dayOfMonth = Number(date.slice(8, 10));
      for (let back = 1; back < dayOfMonth; back += 1) {
        if (settings.weekdays.includes(weekdayOf(addDays(date, -back)))) return false;
      }
      return true;
    }
  }
}

/**
 * The walk days from `today` (included) through the horizon (`horizonWeeks` × 7 days), in order.
 * Stable: the same settings give the same days whichever day generation runs.
 */
export function scheduledWalkDates(settings: WalkScheduleSettings, today: string, horizonWeeks: number): string[] {
  if (!Number.isInteger(horizonWeeks) || horizonWeeks < WALK_HORIZON_WEEKS.min || horizonWeeks > WALK_HORIZON_WEEKS.max)
    throw new WalkPlanRefused(
      "INVALID_WALK_DATE",
      `The horizon is a whole number of weeks from ${WALK_HORIZON_WEEKS.min} to ${WALK_HORIZON_WEEKS.max}.`,
    );
  const start = dayNumber(today);
  const dates: string[] = [];
  if (!generatesWalks(settings)) return dates;
  for (let day = start; day < start + horizonWeeks * 7; day += 1) {
    const date = dateOf(day);
    if (isScheduledDay(settings, date)) dates.push(date);
  }
  return dates;
}

/** The key that makes a generated walk unique: one per customer and day. */
/** A preferred technician as generation sees them. */
export type PreferredTechnician = { id: string; name: string; isActive: boolean };

/**
 * Who a generated walk goes to without the office: the customer's only preferred technician who
 * is active and not blocked, with the reason in words; with none or several the office chooses.
 */
export function generatedWalkTechnician(
  preferred: readonly PreferredTechnician[],
  blockedIds: ReadonlySet<string>,
): { id: string; reason: string } | null {
  const candidates = preferred.filter((t) => t.isActive && !blockedIds.has(t.id));
  if (candidates.length !== 1) return null;
  const [only] = candidates;
  return { id: only!.id, reason: `${only!.name} is this customer's only preferred technician (scheduled walk).` };
}

export function scheduleKey(customerId: string, date: string): string {
  return `${customerId}:${date}`;
}

export type WalkPlanRefusedCode =
  | "WALK_IN_PAST"
  | "WALKS_OVERLAP"
  | "INVALID_WALK_DATE"
  | "SITE_OF_OTHER_CUSTOMER"
  | "INVALID_COORDINATES"
  | "WALK_NOT_PLANNED";

export class WalkPlanRefused extends DomainError {
  constructor(
    readonly code: WalkPlanRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

export type PlannedSlot = { id: string; date: string; time: string | null };

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Two walks of one technician overlap when they are on the same day and start less than
 * WALK_LENGTH_MINUTES apart. A walk with no fixed time takes no slot, so it overlaps nothing.
 */
export function slotsOverlap(a: PlannedSlot, b: PlannedSlot): boolean {
  if (a.date !== b.date || a.time === null || b.time === null) return false;
  return Math.abs(minutesOf(a.time) - minutesOf(b.time)) < WALK_LENGTH_MINUTES;
}

/**
 * Throws WalkPlanRefused when a walk the office plans, moves or assigns breaks a rule: its date
 * before the business's today, a time that is not HH:MM, or a slot that overlaps one of
 * `otherWalks` (the same technician's other planned walks).
 */
export function assertWalkPlan(
  walk: PlannedSlot,
  today: string,
  otherWalks: readonly PlannedSlot[],
  timeLabel = (w: PlannedSlot) => (w.time ? `${w.date} at ${w.time}` : w.date),
): void {
  dayNumber(walk.date);
  if (walk.time !== null && !isTimeOfDay(walk.time))
    throw new WalkPlanRefused("INVALID_WALK_DATE", `"${walk.time}" is not a time of day (HH:MM, 00:00 to 23:59).`);
  if (walk.date < today)
    throw new WalkPlanRefused(
      "WALK_IN_PAST",
      `A walk cannot be planned in the past (${walk.date} is before ${today}).`,
    );
  const clash = otherWalks.find((other) => other.id !== walk.id && slotsOverlap(walk, other));
  if (clash)
    throw new WalkPlanRefused(
      "WALKS_OVERLAP",
      `This technician already has a walk on ${timeLabel(clash)}; walks of one technician must start at least ${WALK_LENGTH_MINUTES / 60} hours apart.`,
    );
}

/** Latitude and longitude as a site stores them: −90..90 and −180..180. */
export function coordinatesProblem(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
    return "The latitude must be a number from -90 to 90.";
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
    return "The longitude must be a number from -180 to 180.";
  return null;
}
