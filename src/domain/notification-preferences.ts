import { type Audience, audiencesOf } from "./notifications";
import { EVENT_TYPES, type EventType } from "./events";

// What each person receives beyond the in-app list: per event type and channel on or off, each
// channel's rhythm (at once, or a digest per hour, day or week), and quiet hours for SMS and push.
// A person who never chose gets the defaults below: what a business would switch on itself.

export const DELIVERY_CHANNELS = ["EMAIL", "SMS", "PUSH"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const CHANNEL_LABELS: Record<DeliveryChannel, string> = { EMAIL: "Email", SMS: "Text message", PUSH: "Push" };

export const FREQUENCIES = ["instant", "hourly", "daily", "weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  instant: "At once",
  hourly: "Hourly summary",
  daily: "Daily summary",
  weekly: "Weekly summary",
};

/** Email a customer wants by default: what asks them to act, and what they pay for. */
const CUSTOMER_EMAIL: readonly EventType[] = [
  "APPROVAL_REQUIRED",
  "REPAIR_COMPLETED",
  "INVOICE_ISSUED",
  "PAYMENT_REMINDER",
  "LOT_WALK_SCHEDULED",
  "WEBHOOK_DISABLED",
  "OFFICE_MESSAGE",
  "SURVEY_INVITATION",
  "SURVEY_REMINDER",
];
/** The office is mailed what waits for it; the rest is in the bell. */
const OFFICE_EMAIL: readonly EventType[] = ["REPAIR_REQUESTED", "WEBHOOK_DISABLED"];
/** A manager is mailed when a technician they coach is flagged. */
const TEAM_EMAIL: readonly EventType[] = ["TRAINING_FLAG_RAISED"];
/** Push goes to the people in the field and at the tablet, for what needs them now. */
const PUSH: readonly EventType[] = ["APPROVAL_REQUIRED", "REPAIR_ASSIGNED", "LOT_WALK_SCHEDULED"];

/** On or off when the person made no choice. SMS costs money per message: off until chosen. */
export function defaultEnabled(eventType: string, channel: DeliveryChannel, audience: Audience): boolean {
  const type = eventType as EventType;
  if (channel === "EMAIL") {
    if (audience === "customer") return CUSTOMER_EMAIL.includes(type);
    if (audience === "office") return OFFICE_EMAIL.includes(type);
    if (audience === "team") return TEAM_EMAIL.includes(type);
    return false;
  }
  if (channel === "PUSH") return audience !== "customer" && PUSH.includes(type);
  return false;
}

/** The event types a person of these audiences can be told of (what the preferences screen lists). */
export function eventTypesFor(audiences: readonly Audience[]): EventType[] {
  return EVENT_TYPES.filter((type) => audiencesOf(type).some((a) => audiences.includes(a)));
}

export type ChannelSettings = {
  frequency: Record<DeliveryChannel, Frequency>;
  /** Minutes after midnight, business time; null: none. May wrap midnight (21:00-07:00). */
  quietFrom: number | null;
  quietTo: number | null;
};

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {
  frequency: { EMAIL: "instant", SMS: "instant", PUSH: "instant" },
  quietFrom: null,
  quietTo: null,
};

/** Wall-clock parts of an instant in a time zone. */
function partsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US-u-nu-latn", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    /** 0 = Monday. */
    weekday,
  };
}

/** The instant at a wall-clock time of a time zone (to the minute; DST gaps resolve forward). */
export function zonedInstant(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let instant = guess;
  for (let i = 0; i < 3; i++) {
    const p = partsIn(new Date(instant), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    if (shown === guess) break;
    instant += guess - shown;
  }
  return new Date(instant);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The digest period `at` falls in: its key (one delivery per person, channel and period) and when
 * it ends (when the digest is sent). Days and weeks (from Monday) are the business's.
 */
export function digestPeriod(
  frequency: Exclude<Frequency, "instant">,
  at: Date,
  timeZone: string,
): { key: string; endsAt: Date } {
  const p = partsIn(at, timeZone);
  if (frequency === "hourly") {
    const start = zonedInstant({ ...p, minute: 0 }, timeZone);
    return {
      key: `hourly:${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}`,
      endsAt: new Date(start.getTime() + 3_600_000),
    };
  }
  const days = frequency === "daily" ? 1 : 7 - p.weekday;
  const firstDay = frequency === "daily" ? p : shiftDay(p, -p.weekday);
  const end = shiftDay(p, days);
  return {
    key: `${frequency}:${firstDay.year}-${pad(firstDay.month)}-${pad(firstDay.day)}`,
    endsAt: zonedInstant({ ...end, hour: 0, minute: 0 }, timeZone),
  };
}

function shiftDay(p: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** When a message due at `at` may go out given quiet hours (held until they end); `at` itself outside them. */
export function afterQuietHours(at: Date, quietFrom: number | null, quietTo: number | null, timeZone: string): Date {
  if (quietFrom === null || quietTo === null || quietFrom === quietTo) return at;
  const p = partsIn(at, timeZone);
  const minute = p.hour * 60 + p.minute;
  const wraps = quietFrom > quietTo;
  const inside = wraps ? minute >= quietFrom || minute < quietTo : minute >= quietFrom && minute < quietTo;
  if (!inside) return at;
  const endDay = wraps && minute >= quietFrom ? shiftDay(p, 1) : p;
  return zonedInstant({ ...endDay, hour: Math.floor(quietTo / 60), minute: quietTo % 60 }, timeZone);
}

/** "21:30" -> 1290; null for anything that is not a time of day. */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function timeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
