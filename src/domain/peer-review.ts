// Peer review: a share of each technician's completed repairs is drawn at random into a
// manager's review queue. The draw is a hash of the repair and the day it is drawn on, so the
// same day always draws the same repairs (reproducible, auditable) and nobody can steer it.

/** Default share of completed repairs reviewed, in percent. */
export const PEER_REVIEW_DEFAULT_PERCENT = 5;

/** FNV-1a, 32 bits: small, fast, and spreads similar ids (uuids) evenly. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche, so the last characters move every bit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Whether a repair completed (and drawn) on `day` ("yyyy-mm-dd") goes to review at `percent`. */
export function drawnForReview(repairId: string, day: string, percent: number): boolean {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError("a share is a percent from 0 to 100");
  return fnv1a(`${day}\n${repairId}`) / 2 ** 32 < percent / 100;
}

/**
 * Who reviews whose work: an admin anyone's; a manager their own team's (the technicians they
 * manage), never their own; a technician who is not a manager nobody's.
 */
export type Reviewer = { technicianId: string | null; isManager: boolean; team: readonly string[] | "all" };

export function mayReview(reviewer: Reviewer, workBy: string | null): boolean {
  if (!reviewer.isManager || reviewer.technicianId === workBy) return false;
  return reviewer.team === "all" || (workBy !== null && reviewer.team.includes(workBy));
}

export const REVIEW_SCORE = { min: 1, max: 5 } as const;

export type ReviewRubric = { photoQuality: number; repairQuality: number; notes: string };

/** A sentence for the first problem of a filled rubric, or null when it can be saved. */
export function rubricProblem(rubric: ReviewRubric): string | null {
  for (const [label, score] of [
    ["photo quality", rubric.photoQuality],
    ["repair quality", rubric.repairQuality],
  ] as const) {
    if (!Number.isInteger(score) || score < REVIEW_SCORE.min || score > REVIEW_SCORE.max)
      return `Rate the ${label} from ${REVIEW_SCORE.min} to ${REVIEW_SCORE.max}.`;
  }
  return null;
}
