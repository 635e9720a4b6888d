// A survey's answer, posted by the survey page's plain form (no login, no script needed); the
// page is shown again with the outcome. Logic in src/server/services/quality/surveys.ts.
import { DomainError } from "~/domain";
import { db } from "~/server/db";
import { answerSurvey } from "~/server/services/quality/surveys";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const starsText = form?.get("stars");
  const comment = form?.get("comment");
  const back = new URL(`/survey/${encodeURIComponent(token)}`, request.url);
  try {
    await answerSurvey(db(), token, {
      stars: typeof starsText === "string" && /^\d{1,2}$/.test(starsText) ? Number(starsText) : null,
      comment: typeof comment === "string" ? comment : "",
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    back.searchParams.set("refused", error.code);
  }
  return Response.redirect(back, 303);
}
