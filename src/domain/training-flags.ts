// Training flags: a technician whose work over the last 90 days falls below the business's
// thresholds is flagged to their manager with the evidence; the flag clears by itself once the
// figures recover. A figure counts only on enough work to mean something.

export const TRAINING_WINDOW_DAYS = 90;

export type TrainingThresholds = {
  /** Callbacks (warranty claims) per completed repair, in percent, above which a flag is raised. */
  maxCallbackPercent: number;
  /** Average survey stars (1–5) below which a flag is raised. */
  minSurveyAverage: number;
  /** Average peer-review score (1–5) below which a flag is raised. */
  minReviewAverage: number;
  /** The fewest completed repairs, surveys or reviews a figure needs before it can flag. */
  minSample: number;
};

export const TRAINING_THRESHOLDS_DEFAULT: TrainingThresholds = {
  maxCallbackPercent: 8,
  minSurveyAverage: 3.5,
  minReviewAverage: 3.5,
  minSample: 10,
};

/** A technician's work in the window: the ids behind each figure are the evidence shown. */
export type TrainingFacts = {
  completedRepairIds: readonly string[];
  callbackRepairIds: readonly string[];
  surveys: ReadonlyArray<{ id: string; stars: number }>;
  reviews: ReadonlyArray<{ id: string; score: number }>;
};

export type TrainingFlagReason =
  | { figure: "callbacks"; value: number; limit: number; evidence: readonly string[]; sentence: string }
  | { figure: "surveys"; value: number; limit: number; evidence: readonly string[]; sentence: string }
  | { figure: "reviews"; value: number; limit: number; evidence: readonly string[]; sentence: string };

const round1 = (n: number) => Math.round(n * 10) / 10;
const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Why the technician should be flagged (empty: no flag, or the flag clears). */
export function trainingFlagReasons(facts: TrainingFacts, t: TrainingThresholds): TrainingFlagReason[] {
  const reasons: TrainingFlagReason[] = [];
  const completed = facts.completedRepairIds.length;
  if (completed >= t.minSample) {
    const percent = (facts.callbackRepairIds.length / completed) * 100;
    if (percent > t.maxCallbackPercent)
      reasons.push({
        figure: "callbacks",
        value: round1(percent),
        limit: t.maxCallbackPercent,
        evidence: facts.callbackRepairIds,
        sentence: `${facts.callbackRepairIds.length} of ${completed} repairs came back under warranty (${round1(percent)}%, limit ${t.maxCallbackPercent}%).`,
      });
  }
  if (facts.surveys.length >= t.minSample) {
    const stars = average(facts.surveys.map((s) => s.stars));
    if (stars < t.minSurveyAverage)
      reasons.push({
        figure: "surveys",
        value: round1(stars),
        limit: t.minSurveyAverage,
        evidence: facts.surveys.filter((s) => s.stars < t.minSurveyAverage).map((s) => s.id),
        sentence: `Customers rated the work ${round1(stars)} stars on average over ${facts.surveys.length} surveys (at least ${t.minSurveyAverage} expected).`,
      });
  }
  if (facts.reviews.length >= t.minSample) {
    const score = average(facts.reviews.map((r) => r.score));
    if (score < t.minReviewAverage)
      reasons.push({
        figure: "reviews",
        value: round1(score),
        limit: t.minReviewAverage,
        evidence: facts.reviews.filter((r) => r.score < t.minReviewAverage).map((r) => r.id),
        sentence: `Peer reviews scored the work ${round1(score)} on average over ${facts.reviews.length} reviews (at least ${t.minReviewAverage} expected).`,
      });
  }
  return reasons;
}
