// Customer surveys: after a walk or an on-call repair is completed, its customer's contact is
// asked once for 1-5 stars and a comment, reminded once if they have not answered. The answer
// feeds the technician's rating (customerRating) and the satisfaction figures.

export const SURVEY_STARS = { min: 1, max: 5 } as const;
/** Days after the first mail before the one reminder. */
export const SURVEY_REMINDER_DAYS = 3;
/** A completion older than this gets no survey (a job that was down does not mail old work). */
export const SURVEY_CREATE_WITHIN_DAYS = 7;
export const SURVEY_COMMENT_MAX = 2000;

/** A sentence for what is wrong with an answer, or null when it can be saved. */
export function surveyAnswerProblem(answer: { stars: unknown; comment: unknown }): string | null {
  const { stars, comment } = answer;
  if (typeof stars !== "number" || !Number.isInteger(stars) || stars < SURVEY_STARS.min || stars > SURVEY_STARS.max)
    return `Choose from ${SURVEY_STARS.min} to ${SURVEY_STARS.max} stars.`;
  if (typeof comment !== "string") return "The comment must be text.";
  if (comment.length > SURVEY_COMMENT_MAX) return `The comment is at most ${SURVEY_COMMENT_MAX} characters.`;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(comment)) return "The comment contains control characters.";
  return null;
}

/** The rating stored on the technician: the mean of their answered surveys, to 2 decimals; null for none. */
export function ratingOf(stars: readonly number[]): number | null {
  if (stars.length === 0) return null;
  return Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 100) / 100;
}
