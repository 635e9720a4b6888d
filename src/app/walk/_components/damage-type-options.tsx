// The damage types as <option>s, for every select of a damage type on /walk.
import { DAMAGE_LABELS, DAMAGE_TYPES } from "~/domain";

export function DamageTypeOptions() {
  return DAMAGE_TYPES.map((value) => (
    <option key={value} value={value}>
      {DAMAGE_LABELS[value]}
    </option>
  ));
}
