// A technician's week: each day on or off, with its start and end.
import { WEEKDAYS, type Weekday } from "~/domain";
import { weekdayLabel } from "../customers/fleet-options";
import { CheckField } from "../fields";
import type { DayHours, HoursDraft } from "./working-hours";

export function WorkingHoursFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: HoursDraft;
  onChange: (next: HoursDraft) => void;
}) {
  const set = (day: Weekday, patch: Partial<DayHours>) => onChange({ ...value, [day]: { ...value[day], ...patch } });
  return (
    <fieldset className="admin-fieldset">
      <legend>Working hours</legend>
      {WEEKDAYS.map((day) => (
        <div key={day} className="admin-hours">
          <CheckField label={weekdayLabel(day)} checked={value[day].on} onChange={(on) => set(day, { on })} />
          <input
            type="time"
            aria-label={`${weekdayLabel(day)} start`}
            id={`${idPrefix}-${day}-start`}
            value={value[day].start}
            disabled={!value[day].on}
            onChange={(e) => set(day, { start: e.target.value })}
          />
          <span aria-hidden="true">to</span>
          <input
            type="time"
            aria-label={`${weekdayLabel(day)} end`}
            id={`${idPrefix}-${day}-end`}
            value={value[day].end}
            disabled={!value[day].on}
            onChange={(e) => set(day, { end: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
