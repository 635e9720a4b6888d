import { type GeoPoint, distanceKm } from "./geo";
import { ASSIGNMENT_FACTORS, type AssignmentFactor, type AssignmentWeights } from "./business-settings";
import { DAMAGE_LABELS, type DamageTypeName } from "./damage";
import { DomainError } from "./errors";
import { WEEKDAYS, type Weekday, isTimeOfDay } from "./week";

// Smart assignment: every eligible technician gets a score from five factors, each 0–1, weighted
// by the business's weights (normalised here so they sum to 1, whatever was stored; the admin
// form refuses weights that do not). A customer's preferred technician gets PREFERRED_BONUS on
// top. Who may not take the job (blocked by the customer, inactive, outside the actor's team) is
// never scored: listed apart, with why. Each factor's contribution is said in words.

/** Added to a preferred technician's total (after the weighted factors, which sum to at most 1). */
export const PREFERRED_BONUS = 0.1;
/** A last known position older than this counts for nothing: the base is used instead. */
export const LAST_POSITION_FRESH_MS = 12 * 60 * 60 * 1000;
/** At this distance or farther the distance factor is 0 (linear from 1 at the site). */
export const DISTANCE_ZERO_KM = 80;
/** What a factor scores when nothing is known (no position, no working hours): neither for nor against. */
export const NEUTRAL = 0.5;
/** Sums within this of 1 are accepted by the admin form. */
export const WEIGHT_SUM_TOLERANCE = 0.001;

export type Position = GeoPoint;

/** The work to give: a repair (with its damage type) or a walk (none), where and on which weekday. */
export type AssignmentJob = {
  site: Position | null;
  damageType: DamageTypeName | null;
  day: Weekday;
};

export type ScoringCandidate = {
  technicianId: string;
  name: string;
  isActive: boolean;
  blockedByCustomer: boolean;
  preferredByCustomer: boolean;
  /** Why the actor may not give this job to them (their team, the transition table); null = may. */
  notAllowed: string | null;
  openWork: number;
  base: Position | null;
  last: (Position & { at: Date }) | null;
  skills: readonly DamageTypeName[];
  /** Completed repairs at this job's customer. */
  pastRepairsHere: number;
  /** Stored working hours ({"monday": {"start": "08:00", "end": "17:00"}, ...}), as read. */
  workingHours: unknown;
  /** Minutes already planned on the job's day (walks). */
  plannedMinutes: number;
};

export type FactorScore = { factor: AssignmentFactor; value: number; weight: number; points: number; words: string };

export type ScoredCandidate = {
  technicianId: string;
  name: string;
  total: number;
  preferredBonus: number;
  factors: FactorScore[];
};

export type ExcludedCandidate = { technicianId: string; name: string; why: string };

export type Ranking = { ranked: ScoredCandidate[]; excluded: ExcludedCandidate[]; weights: AssignmentWeights };

/** Weights scaled to sum to 1 (all zero: equal weights), so a total is always within 0–1 before the bonus. */
export function normaliseWeights(weights: AssignmentWeights): AssignmentWeights {
  const clean = ASSIGNMENT_FACTORS.map((f) => (Number.isFinite(weights[f]) && weights[f] > 0 ? weights[f] : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const out = {} as AssignmentWeights;
  ASSIGNMENT_FACTORS.forEach((f, i) => (out[f] = sum > 0 ? clean[i]! / sum : 1 / ASSIGNMENT_FACTORS.length));
  return out;
}

export function weightsSum(weights: AssignmentWeights): number {
  return ASSIGNMENT_FACTORS.reduce((sum, f) => sum + weights[f], 0);
}

/** The admin form's rule: every weight 0–1 and the five summing to 1 ± WEIGHT_SUM_TOLERANCE. */
export function weightsProblem(weights: AssignmentWeights): string | null {
  for (const f of ASSIGNMENT_FACTORS) {
    const w = weights[f];
    if (!Number.isFinite(w) || w < 0 || w > 1) return `the ${f} weight must be between 0 and 1`;
  }
  const sum = weightsSum(weights);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) return `the weights must add up to 1 (they add up to ${round(sum, 3)})`;
  return null;
}

export class InvalidAssignmentWeights extends DomainError {
  readonly code = "INVALID_ASSIGNMENT_WEIGHTS";
}

/** Throws InvalidAssignmentWeights with weightsProblem's sentence (the sum shown). */
export function assertAssignmentWeights(weights: AssignmentWeights): void {
  const problem = weightsProblem(weights);
  if (problem) throw new InvalidAssignmentWeights(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
}

const minutesByHours = new WeakMap<object, Map<Weekday, number | null>>();

/** Minutes of work on `day` from stored working hours; null when none are stored at all (unknown). */
export function workingMinutesOn(workingHours: unknown, day: Weekday): number | null {
  if (!workingHours || typeof workingHours !== "object") return null;
  // One technician's hours are read for every job of a bulk assignment: parsed once per day.
  let days = minutesByHours.get(workingHours);
  if (!days) minutesByHours.set(workingHours, (days = new Map()));
  let minutes = days.get(day);
  if (minutes === undefined) days.set(day, (minutes = readWorkingMinutes(workingHours, day)));
  return minutes;
}

function readWorkingMinutes(workingHours: object, day: Weekday): number | null {
  const hours = workingHours as Record<string, unknown>;
  if (!WEEKDAYS.some((d) => hours[d] !== undefined)) return null;
  const slot = hours[day];
  if (!slot || typeof slot !== "object") return 0;
  const { start, end } = slot as { start?: unknown; end?: unknown };
  if (!isTimeOfDay(start) || !isTimeOfDay(end)) return 0;
  return Math.max(0, minutesOf(end) - minutesOf(start));
}

/**
 * Ranks who may take the job, best first (ties: name, then id); the others apart with why.
 * `explain`: "all" says every factor of every candidate in words (the manager's list); "top"
 * only the first's (choosing many at once: the others' `factors` are left empty).
 */
export function rankCandidates(
  job: AssignmentJob,
  candidates: readonly ScoringCandidate[],
  storedWeights: AssignmentWeights,
  now: Date,
  { explain = "all" }: { explain?: "all" | "top" } = {},
): Ranking {
  const weights = normaliseWeights(storedWeights);
  const excluded: ExcludedCandidate[] = [];
  const eligible: ScoringCandidate[] = [];
  for (const c of candidates) {
    const why = exclusion(c);
    if (why) excluded.push({ technicianId: c.technicianId, name: c.name, why });
    else eligible.push(c);
  }
  let minOpen = Infinity;
  let maxOpen = -Infinity;
  let maxPast = 0;
  for (const c of eligible) {
    minOpen = Math.min(minOpen, c.openWork);
    maxOpen = Math.max(maxOpen, c.openWork);
    maxPast = Math.max(maxPast, c.pastRepairsHere);
  }
  const context: Context = { job, now, minOpen, maxOpen, maxPast, count: eligible.length, weights };
  const scored = eligible.map((c) => {
    const preferredBonus = c.preferredByCustomer ? PREFERRED_BONUS : 0;
    // Direct calls, not through FACTORS: the hot path of scoring many jobs, inlined by the engine.
    const sum =
      preferredBonus +
      weights.workload * workload(c, context, false).value +
      weights.distance * distance(c, context, false).value +
      weights.expertise * expertise(c, context, false).value +
      weights.history * history(c, context, false).value +
      weights.availability * availability(c, context, false).value;
    return { candidate: c, total: round(sum, 9), preferredBonus };
  });
  scored.sort(
    (a, b) =>
      b.total - a.total ||
      compareText(a.candidate.name, b.candidate.name) ||
      compareText(a.candidate.technicianId, b.candidate.technicianId),
  );
  const ranked = scored.map(({ candidate, total, preferredBonus }, index) => ({
    technicianId: candidate.technicianId,
    name: candidate.name,
    total,
    preferredBonus,
    factors: explain === "all" || index === 0 ? explainFactors(candidate, context) : [],
  }));
  excluded.sort((a, b) => compareText(a.name, b.name) || compareText(a.technicianId, b.technicianId));
  return { ranked, excluded, weights };
}

function explainFactors(c: ScoringCandidate, context: Context): FactorScore[] {
  return ASSIGNMENT_FACTORS.map((factor) => {
    const { value, words } = FACTORS[factor](c, context, true);
    const weight = context.weights[factor];
    const points = weight * value;
    return { factor, value, weight, points, words: `${words}: +${points.toFixed(2)}` };
  });
}

/** The reasons stored with an assignment: the chosen one's factors, and the top pick when overridden. */
export type AssignmentReasons = {
  chosen: { technicianId: string; name: string; total: number; preferredBonus: number; factors: FactorScore[] } | null;
  topPick: { technicianId: string; name: string; total: number } | null;
  overrodeTopPick: boolean;
  mode: "manual" | "bulk" | "auto";
  at: string;
};

export function assignmentReasons(
  ranking: Ranking,
  technicianId: string,
  mode: AssignmentReasons["mode"],
  at: Date,
): AssignmentReasons {
  const chosen = ranking.ranked.find((c) => c.technicianId === technicianId) ?? null;
  const top = ranking.ranked[0] ?? null;
  return {
    chosen,
    topPick: top && { technicianId: top.technicianId, name: top.name, total: top.total },
    overrodeTopPick: top !== null && top.technicianId !== technicianId,
    mode,
    at: at.toISOString(),
  };
}

type Context = {
  job: AssignmentJob;
  now: Date;
  minOpen: number;
  maxOpen: number;
  maxPast: number;
  count: number;
  weights: AssignmentWeights;
};
/** `words` only when asked to explain (scoring many jobs says nothing for the candidates not chosen). */
type Value = { value: number; words: string };
type Factor = (c: ScoringCandidate, ctx: Context, explain: boolean) => Value;

function exclusion(c: ScoringCandidate): string | null {
  if (c.blockedByCustomer) return "blocked by the customer";
  if (!c.isActive) return "not active";
  return c.notAllowed;
}

const FACTORS: Record<AssignmentFactor, Factor> = { workload, distance, expertise, history, availability };

/** Fewest open work among the candidates scores 1, most scores 0; all equal: 1. */
function workload(c: ScoringCandidate, { minOpen, maxOpen, count }: Context, explain: boolean): Value {
  const value = maxOpen === minOpen ? 1 : (maxOpen - c.openWork) / (maxOpen - minOpen);
  if (!explain) return { value, words: "" };
  const rank =
    c.openWork === minOpen ? `fewest of ${count}` : c.openWork === maxOpen ? `most of ${count}` : `of ${count}`;
  return { value, words: `${plural(c.openWork, "open repair")} (${rank})` };
}

function distance(c: ScoringCandidate, { job, now }: Context, explain: boolean): Value {
  if (!job.site) return { value: NEUTRAL, words: "site position unknown (neutral)" };
  const fresh = c.last && now.getTime() - c.last.at.getTime() < LAST_POSITION_FRESH_MS ? c.last : null;
  const from = fresh ?? c.base;
  if (!from) return { value: NEUTRAL, words: "position unknown (neutral)" };
  const km = distanceKm(from, job.site);
  const value = Math.max(0, 1 - km / DISTANCE_ZERO_KM);
  if (!explain) return { value, words: "" };
  return { value, words: `${km.toFixed(1)} km from ${fresh ? "last known position" : "base"}` };
}

function expertise(c: ScoringCandidate, { job }: Context, explain: boolean): Value {
  if (!job.damageType) return { value: NEUTRAL, words: "no damage type (walk; neutral)" };
  if (!explain) return { value: c.skills.includes(job.damageType) ? 1 : 0, words: "" };
  const label = DAMAGE_LABELS[job.damageType].toLowerCase();
  return c.skills.includes(job.damageType)
    ? { value: 1, words: `skilled at ${label}` }
    : { value: 0, words: `not listed as skilled at ${label}` };
}

/** Most past repairs at this customer among the candidates scores 1; none scores 0. */
function history(c: ScoringCandidate, { maxPast }: Context, explain: boolean): Value {
  const value = maxPast === 0 ? 0 : c.pastRepairsHere / maxPast;
  if (!explain) return { value, words: "" };
  return { value, words: `${plural(c.pastRepairsHere, "past repair")} at this customer` };
}

function availability(c: ScoringCandidate, { job }: Context, explain: boolean): Value {
  const working = workingMinutesOn(c.workingHours, job.day);
  if (working === null) return { value: NEUTRAL, words: "working hours not set (neutral)" };
  const free = Math.max(0, working - Math.max(0, c.plannedMinutes));
  const value = working === 0 ? 0 : free / working;
  if (!explain) return { value, words: "" };
  const day = job.day[0]!.toUpperCase() + job.day.slice(1);
  if (working === 0) return { value: 0, words: `not working on ${day}` };
  return { value: free / working, words: `${hours(free)} of ${hours(working)} free on ${day}` };
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const hours = (minutes: number) => `${round(minutes / 60, 1)} h`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Byte order, not the locale's: the same order on every server and phone. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Stored reasons in words, whichever way they were stored: sentences (a generated walk's "only
 * preferred technician") or smart assignment's AssignmentReasons (the chosen one's factors).
 */
export function reasonsInWords(stored: unknown): string[] {
  if (Array.isArray(stored)) return stored.filter((line): line is string => typeof line === "string");
  if (!stored || typeof stored !== "object") return [];
  const reasons = stored as Partial<AssignmentReasons>;
  const lines: string[] = [];
  const { chosen, topPick } = reasons;
  if (chosen) {
    const how =
      reasons.mode === "auto" ? "Chosen automatically" : reasons.mode === "bulk" ? "Chosen in bulk" : "Chosen";
    lines.push(`${how}: ${chosen.name}, score ${chosen.total.toFixed(2)}.`);
    for (const factor of chosen.factors ?? []) lines.push(`${factor.words}.`);
    if (chosen.preferredBonus > 0) lines.push(`Preferred by the customer: +${chosen.preferredBonus.toFixed(2)}.`);
  }
  if (reasons.overrodeTopPick && topPick) {
    lines.push(`Over the recommendation: ${topPick.name} (score ${topPick.total.toFixed(2)}).`);
  }
  return lines;
}
