// The weekdays of a lot-walking schedule as checkboxes, in week order.
import { WEEKDAYS, type Weekday } from "~/domain";
import { CheckField } from "../fields";
import { weekdayLabel } from "./fleet-options";

export function WeekdayChecks({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: readonly Weekday[];
  onChange: (days: Weekday[]) => void;
}) {
  const toggle = (day: Weekday, on: boolean) => onChange(WEEKDAYS.filter((d) => (d === day ? on : value.includes(d))));
  return (
    <fieldset className="admin-fieldset">
      <legend>{legend}</legend>
      <div className="admin-checks">
        {WEEKDAYS.map((day) => (
          <CheckField
            key={day}
            label={weekdayLabel(day)}
            checked={value.includes(day)}
            onChange={(on) => toggle(day, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}
