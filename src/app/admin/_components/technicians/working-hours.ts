// Working hours as stored ({"monday": {"start": "07:00", "end": "16:00"}, …}; a missing day
// is a day off) and as the form edits them (every day, on or off).
import { WEEKDAYS, type Weekday, type WorkingHours } from "~/domain";

export type DayHours = { on: boolean; start: string; end: string };
export type HoursDraft = Record<Weekday, DayHours>;

export function hoursDraft(stored: unknown): HoursDraft {
  const days = (stored ?? {}) as Record<string, { start?: unknown; end?: unknown } | undefined>;
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      { on: Boolean(days[day]), start: text(days[day]?.start, "08:00"), end: text(days[day]?.end, "17:00") },
    ]),
  ) as HoursDraft;
}

export const workingHoursOf = (draft: HoursDraft): WorkingHours =>
  Object.fromEntries(
    WEEKDAYS.filter((day) => draft[day].on).map((day) => [day, { start: draft[day].start, end: draft[day].end }]),
  );
