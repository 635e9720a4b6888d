// Customer surveys. A job reads the event outbox (DomainEvent): each completed walk, and each
// completed repair not done on a walk, gets one Survey for its customer's contact (one per
// event, whatever reruns), mailed with its signed one-time link through the email channel; one
// reminder after SURVEY_REMINDER_DAYS. Without a mail server the message is kept on the survey
// (lastMessage) and the office can pass the link on. An answer sets the technician's rating.
import "server-only";
import { SURVEY_CREATE_WITHIN_DAYS, SURVEY_REMINDER_DAYS, ratingOf, surveyAnswerProblem } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import { requestLog } from "../../logging/logger";
import { sendOn } from "../../notifications/channel-registry";
import type { ServiceContext } from "../../service-context";
import { surveyIdOf, surveyToken } from "../../data/quality/survey-token";
import { assertOffice } from "../../data/quality/office";

const DAY_MS = 24 * 60 * 60 * 1000;

export const surveyUrl = (surveyId: string) =>
  `${(config().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}/survey/${surveyToken(surveyId)}`;

type EventRow = {
  id: string;
  type: string;
  customerId: string;
  repairId: string | null;
  walkId: string | null;
};

/** Creates the surveys the recent completion events call for and mails them. Returns how many. */
export async function createSurveys(db: Db, now = new Date()): Promise<{ created: number }> {
  const since = new Date(now.getTime() - SURVEY_CREATE_WITHIN_DAYS * DAY_MS);
  const events = await db.$queryRaw<EventRow[]>`
    SELECT e.id, e.type, e."customerId", e."repairId", e."walkId"
    FROM "DomainEvent" e
    WHERE e.type IN ('REPAIR_COMPLETED', 'LOT_WALK_COMPLETED') AND e."occurredAt" >= ${since}
      AND e."customerId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Survey" s WHERE s."eventId" = e.id)
    ORDER BY e.seq
    LIMIT 200`;
  let created = 0;
  for (const event of events) {
    const target = await surveyTarget(db, event);
    if (!target) continue;
    const customer = await db.customer.findUnique({
      where: { id: event.customerId },
      select: { name: true, contactEmail: true },
    });
    if (!customer?.contactEmail) continue;
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "Survey" (id, "eventId", "customerId", "walkId", "repairId", "technicianId", email)
      VALUES (gen_random_uuid(), ${event.id}::uuid, ${event.customerId}::uuid, ${target.walkId}::uuid,
        ${target.repairId}::uuid, ${target.technicianId}::uuid, ${customer.contactEmail})
      ON CONFLICT ("eventId") DO NOTHING
      RETURNING id`;
    if (!inserted[0]) continue;
    created += 1;
    await mail(db, inserted[0].id, { reminder: false, name: customer.name, what: target.what });
  }
  return { created };
}

async function surveyTarget(db: Db, event: EventRow) {
  if (event.type === "LOT_WALK_COMPLETED" && event.walkId) {
    const walk = await db.lotWalk.findUnique({ where: { id: event.walkId }, select: { technicianId: true } });
    return walk ? { walkId: event.walkId, repairId: null, technicianId: walk.technicianId, what: "lot walk" } : null;
  }
  if (event.type === "REPAIR_COMPLETED" && event.repairId) {
    const repair = await db.repair.findUnique({
      where: { id: event.repairId },
      select: { walkId: true, technicianId: true },
    });
    // A walk's repairs are asked about once, with the walk.
    if (!repair || repair.walkId) return null;
    return { walkId: null, repairId: event.repairId, technicianId: repair.technicianId, what: "windshield repair" };
  }
  return null;
}

async function mail(db: Db, surveyId: string, m: { reminder: boolean; name: string; what: string }) {
  const survey = await db.survey.findUniqueOrThrow({ where: { id: surveyId } });
  const url = surveyUrl(surveyId);
  const subject = m.reminder ? `Reminder: how did our ${m.what} go?` : `How did our ${m.what} go?`;
  const text = `Hello ${m.name},\n\nPlease rate our ${m.what} from 1 to 5 stars (one click, no login): ${url}\n\nThe link works once.`;
  let outcome = "kept";
  try {
    outcome = (
      await sendOn("EMAIL", {
        deliveryId: `${surveyId}:${m.reminder ? "reminder" : "first"}`,
        recipient: { userId: surveyId, name: m.name, email: survey.email, phone: null },
        subject,
        text,
        url,
      })
    ).outcome;
  } catch (error) {
    // The next run does not resend: a survey is asked once, reminded once.
    requestLog().warn({ err: error, surveyId }, "survey mail failed");
    outcome = "failed";
  }
  await db.survey.update({
    where: { id: surveyId },
    data: {
      ...(m.reminder ? { remindedAt: new Date() } : { sentAt: new Date() }),
      lastMessage: `${outcome}: ${subject}`,
    },
  });
}

/** The one reminder, SURVEY_REMINDER_DAYS after the first mail, to surveys still unanswered. */
export async function remindSurveys(db: Db, now = new Date()): Promise<{ reminded: number }> {
  const due = await db.survey.findMany({
    where: {
      answeredAt: null,
      remindedAt: null,
      sentAt: { lte: new Date(now.getTime() - SURVEY_REMINDER_DAYS * DAY_MS) },
    },
    select: { id: true, walkId: true, customerId: true },
    take: 200,
  });
  for (const s of due) {
    const customer = await db.customer.findUnique({
      where: { id: s.customerId },
      select: { name: true },
    });
    await mail(db, s.id, {
      reminder: true,
      name: customer?.name ?? "",
      what: s.walkId ? "lot walk" : "windshield repair",
    });
  }
  return { reminded: due.length };
}

export type SurveyPage =
  | { state: "open"; customerName: string; what: string; technicianName: string | null }
  | { state: "answered"; stars: number };

/** What the survey page shows for a link; an altered or unknown link is "not found". */
export async function surveyForToken(db: Db, token: string): Promise<SurveyPage> {
  const id = surveyIdOf(token);
  const survey = id
    ? await db.survey.findUnique({
        where: { id },
        select: { answeredAt: true, stars: true, customerId: true, walkId: true, technicianId: true },
      })
    : null;
  if (!survey) throw new NotFound("Survey");
  if (survey.answeredAt) return { state: "answered", stars: survey.stars ?? 0 };
  const [customer, technician] = await Promise.all([
    db.customer.findUniqueOrThrow({ where: { id: survey.customerId }, select: { name: true } }),
    survey.technicianId
      ? db.technician.findUnique({ where: { id: survey.technicianId }, select: { user: { select: { name: true } } } })
      : null,
  ]);
  return {
    state: "open",
    customerName: customer.name,
    what: survey.walkId ? "lot walk" : "windshield repair",
    technicianName: technician?.user.name ?? null,
  };
}

/** Saves the one answer of a survey and the technician's new rating, in one transaction. */
export async function answerSurvey(
  db: Db,
  token: string,
  answer: { stars: unknown; comment: unknown },
): Promise<{ stars: number }> {
  const id = surveyIdOf(token);
  if (!id) throw new NotFound("Survey");
  const problem = surveyAnswerProblem(answer);
  if (problem) throw new InvalidRequest("INVALID_SURVEY", problem);
  const stars = answer.stars as number;
  const comment = (answer.comment as string).trim();
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ answeredAt: Date | null; technicianId: string | null }[]>`
      SELECT "answeredAt", "technicianId" FROM "Survey" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!locked) throw new NotFound("Survey");
    if (locked.answeredAt) throw new InvalidRequest("SURVEY_ANSWERED", "This survey was already answered: thank you.");
    await tx.survey.update({ where: { id }, data: { answeredAt: new Date(), stars, comment: comment || null } });
    if (locked.technicianId) {
      const answered = await tx.survey.findMany({
        where: { technicianId: locked.technicianId, answeredAt: { not: null } },
        select: { stars: true },
      });
      const rating = ratingOf(answered.flatMap((s) => (s.stars === null ? [] : [s.stars])));
      await tx.technician.update({ where: { id: locked.technicianId }, data: { customerRating: rating } });
    }
    return { stars };
  });
}

/** The office's list of recent surveys, with the link of those unanswered (to pass on by hand). */
export async function listSurveys(db: Db, ctx: ServiceContext) {
  assertOffice(ctx);
  const rows = await db.survey.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  const customers = await db.customer.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.customerId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(customers.map((c) => [c.id, c.name]));
  return rows.map((s) => ({
    id: s.id,
    customerName: nameOf.get(s.customerId) ?? "",
    what: s.walkId ? "Lot walk" : "Repair",
    createdAt: s.createdAt,
    sentAt: s.sentAt,
    remindedAt: s.remindedAt,
    answeredAt: s.answeredAt,
    stars: s.stars,
    comment: s.comment,
    link: s.answeredAt ? null : surveyUrl(s.id),
  }));
}
