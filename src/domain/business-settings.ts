// Business-wide settings an admin edits (one row, BusinessSettings id 1): smart assignment's
// weights, auto-assignment of customer requests, the driving speed for arrival estimates and how
// far ahead walks are generated. Read with these defaults when no admin has saved any yet.

export const ASSIGNMENT_FACTORS = ["workload", "distance", "expertise", "history", "availability"] as const;
export type AssignmentFactor = (typeof ASSIGNMENT_FACTORS)[number];
export type AssignmentWeights = Record<AssignmentFactor, number>;

export const DEFAULT_ASSIGNMENT_WEIGHTS: AssignmentWeights = {
  workload: 0.3,
  distance: 0.3,
  expertise: 0.2,
  history: 0.1,
  availability: 0.1,
};

export type BusinessSettings = {
  assignmentWeights: AssignmentWeights;
  autoAssignRequests: boolean;
  averageSpeedKmh: number;
  walkHorizonWeeks: number;
};

export const DEFAULT_BUSINESS_SETTINGS: BusinessSettings = {
  assignmentWeights: DEFAULT_ASSIGNMENT_WEIGHTS,
  autoAssignRequests: false,
  averageSpeedKmh: 40,
  walkHorizonWeeks: 4,
};

/** What the admin may set: driving speed for arrival estimates, weeks of walks generated ahead. */
export const BUSINESS_SETTING_RANGES = {
  averageSpeedKmh: { min: 5, max: 130 },
  walkHorizonWeeks: { min: 1, max: 26 },
} as const;

/** Weights as stored (JSON): each factor a finite number ≥ 0, missing ones at their default. */
export function readAssignmentWeights(stored: unknown): AssignmentWeights {
  const source = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const weights = { ...DEFAULT_ASSIGNMENT_WEIGHTS };
  for (const factor of ASSIGNMENT_FACTORS) {
    const value = source[factor];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) weights[factor] = value;
  }
  return weights;
}
