// The damage types as <option>s, for every select of a damage type on /walk.
import { DAMAGE_TYPES } from "./format";

export function DamageTypeOptions() {
  return DAMAGE_TYPES.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
