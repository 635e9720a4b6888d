// The damage vocabulary of the trade and the resin a technician records, in the words every
// screen shows (the phone, the office and the portal alike).
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

/** The label of a damage type, or the value itself when it is not one (an older device's record). */
export const damageLabel = (type: string): string =>
  (DAMAGE_TYPES as readonly string[]).includes(type) ? DAMAGE_LABELS[type as DamageTypeName] : type;

export const RESIN_VISCOSITIES = ["LOW", "MEDIUM", "HIGH"] as const;
export type ResinViscosityName = (typeof RESIN_VISCOSITIES)[number];

export const RESIN_VISCOSITY_LABELS: Record<ResinViscosityName, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
};
