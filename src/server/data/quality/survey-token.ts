// A survey's link token: its id and an HMAC of it, so a link cannot be invented or altered; it
// works once because the survey takes one answer.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "../../config";

// Without NEXTAUTH_SECRET (tests), a per-process key: links then work on the instance that made them.
const fallbackKey = randomBytes(32);
const sign = (id: string) =>
  createHmac("sha256", config().NEXTAUTH_SECRET ?? fallbackKey)
    .update(`survey:${id}`)
    .digest("base64url")
    .slice(0, 32);

export const surveyToken = (surveyId: string) => `${surveyId}.${sign(surveyId)}`;

/** The survey id of a genuine token; null for anything altered or invented. */
export function surveyIdOf(token: string): string | null {
  const [id, given, extra] = token.split(".");
  if (!id || !given || extra !== undefined || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(sign(id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}

/** The survey page of a link (a path: the caller adds the public base URL where it needs one). */
export const surveyPath = (surveyId: string) => `/survey/${surveyToken(surveyId)}`;

/** The survey a SURVEY_INVITATION or SURVEY_REMINDER event is about (payload.surveyId), else null. */
export function surveyOfEvent(event: { payload: unknown }): string | null {
  const id = (event.payload as { surveyId?: unknown } | null)?.surveyId;
  return typeof id === "string" ? id : null;
}
