// The customer's survey, opened from its mailed link without signing in: 1-5 stars and a comment,
// answered once. A plain form (works without JavaScript); the answer goes to /api/surveys/<token>.
import type { Metadata } from "next";
import { DomainError, SURVEY_COMMENT_MAX } from "~/domain";
import { db } from "~/server/db";
import { type SurveyPage, surveyForToken } from "~/server/services/quality/surveys";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "How did we do?" };

const REFUSED: Record<string, string> = {
  INVALID_SURVEY: "Choose from 1 to 5 stars (the comment is at most 2000 characters).",
  SURVEY_ANSWERED: "This survey was already answered: thank you.",
  NOT_FOUND: "This survey link is not valid.",
};

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ refused?: string }>;
}) {
  const { token } = await params;
  const { refused } = await searchParams;
  let survey: SurveyPage | null = null;
  try {
    survey = await surveyForToken(db(), token);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  return (
    <main style={{ maxWidth: 560, margin: "2rem auto", padding: "0 1rem" }}>
      <h1>How did we do?</h1>
      {!survey ? (
        <p role="alert">This survey link is not valid. Please use the link from your email.</p>
      ) : survey.state === "answered" ? (
        <>
          {refused && refused !== "SURVEY_ANSWERED" && (
            <p role="alert">{REFUSED[refused] ?? "That answer was refused."}</p>
          )}
          <p role="status">
            Thank you: your answer ({survey.stars} {survey.stars === 1 ? "star" : "stars"}) is recorded. This link is
            now used.
          </p>
        </>
      ) : (
        <form method="post" action={`/api/surveys/${encodeURIComponent(token)}`} aria-label="Survey">
          <p>
            {survey.customerName}: please rate our {survey.what}
            {survey.technicianName ? ` by ${survey.technicianName}` : ""}.
          </p>
          {refused && <p role="alert">{REFUSED[refused] ?? "That answer was refused."}</p>}
          <fieldset>
            <legend>Your rating</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} style={{ display: "inline-flex", alignItems: "center", minHeight: 44, marginRight: 12 }}>
                <input type="radio" name="stars" value={n} required /> {n} {n === 1 ? "star" : "stars"}
              </label>
            ))}
          </fieldset>
          <label htmlFor="survey-comment">Comment (optional)</label>
          <textarea
            id="survey-comment"
            name="comment"
            rows={4}
            maxLength={SURVEY_COMMENT_MAX}
            style={{ width: "100%" }}
          />
          <button type="submit" style={{ minHeight: 44 }}>
            Send my rating
          </button>
        </form>
      )}
    </main>
  );
}
