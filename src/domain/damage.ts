// The damage vocabulary of the trade (DOMAIN.md "Field capture"), in the words screens show.
export const DAMAGE_TYPES = [
  "CHIP",
  "CRACK",
  "STAR_BREAK",
  "BULLS_EYE",
  "COMBINATION_BREAK",
  "HALF_MOON",
  "OTHER",
  "UNKNOWN",
] as const;
export type DamageTypeName = (typeof DAMAGE_TYPES)[number];

export const DAMAGE_LABELS: Record<DamageTypeName, string> = {
  CHIP: "Chip",
  CRACK: "Crack",
  STAR_BREAK: "Star break",
  BULLS_EYE: "Bull's eye",
  COMBINATION_BREAK: "Combination break",
  HALF_MOON: "Half-moon",
  OTHER: "Other",
  UNKNOWN: "Not sure",
};
