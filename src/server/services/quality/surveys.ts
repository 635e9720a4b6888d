// Customer surveys. A job reads the event outbox (DomainEvent): each completed walk, and each
// completed repair not done on a walk, gets one Survey for its customer (one per event, whatever
// reruns). The invitation, and one reminder after SURVEY_REMINDER_DAYS, are events of their own
// (SURVEY_INVITATION, SURVEY_REMINDER) told to the customer's users through the notification
// deliveries: their preferences, retries and the admin's outbox apply, and the message carries the
// survey's signed one-time link. The office list shows every unanswered link to pass on by hand
// (a customer with no user account). An answer sets the technician's rating.
import "server-only";
import { SURVEY_CREATE_WITHIN_DAYS, SURVEY_REMINDER_DAYS, ratingOf, surveyAnswerProblem } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { recordEvents } from "../../data/events/record-event";
import { surveyIdOf, surveyPath } from "../../data/quality/survey-token";
import { assertOffice } from "../../data/quality/office";

const DAY_MS = 24 * 60 * 60 * 1000;

export const surveyUrl = (surveyId: string) =>
  `${(config().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}${surveyPath(surveyId)}`;

type EventRow = {
  id: string;
  type: string;
  customerId: string;
  repairId: string | null;
  walkId: string | null;
};

type SurveyRef = { id: string; customerId: string; repairId: string | null; walkId: string | null };

/** The invitation or reminder, as an event of the survey (its own group: never gathered with another survey). */
const surveyEvent = (type: "SURVEY_INVITATION" | "SURVEY_REMINDER", survey: SurveyRef) => ({
  type,
  customerId: survey.customerId,
  repairId: survey.repairId,
  walkId: survey.walkId,
  actorUserId: null,
  groupId: survey.id,
  payload: { surveyId: survey.id },
});

/** Creates the surveys the recent completion events call for and queues their invitations. Returns how many. */
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
    const customer = await db.customer.findUnique({ where: { id: event.customerId }, select: { contactEmail: true } });
    if (!customer) continue;
    // The survey and its invitation commit together: an invitation is queued exactly once.
    const made = await db.$transaction(async (tx) => {
      const [inserted] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Survey" (id, "eventId", "customerId", "walkId", "repairId", "technicianId", email, "sentAt", "lastMessage")
        VALUES (gen_random_uuid(), ${event.id}::uuid, ${event.customerId}::uuid, ${target.walkId}::uuid,
          ${target.repairId}::uuid, ${target.technicianId}::uuid, ${customer.contactEmail ?? ""}, ${now},
          'invitation queued to the customer''s users')
        ON CONFLICT ("eventId") DO NOTHING
        RETURNING id`;
      if (!inserted) return false;
      const survey = { id: inserted.id, customerId: event.customerId, ...target };
      await recordEvents(tx, [surveyEvent("SURVEY_INVITATION", survey)]);
      return true;
    });
    if (made) created += 1;
  }
  return { created };
}

async function surveyTarget(db: Db, event: EventRow) {
  if (event.type === "LOT_WALK_COMPLETED" && event.walkId) {
    const walk = await db.lotWalk.findUnique({ where: { id: event.walkId }, select: { technicianId: true } });
    return walk ? { walkId: event.walkId, repairId: null, technicianId: walk.technicianId } : null;
  }
  if (event.type === "REPAIR_COMPLETED" && event.repairId) {
    const repair = await db.repair.findUnique({
      where: { id: event.repairId },
      select: { walkId: true, technicianId: true },
    });
    // A walk's repairs are asked about once, with the walk.
    if (!repair || repair.walkId) return null;
    return { walkId: null, repairId: event.repairId, technicianId: repair.technicianId };
  }
  return null;
}

/** The one reminder, SURVEY_REMINDER_DAYS after the invitation, to surveys still unanswered. */
export async function remindSurveys(db: Db, now = new Date()): Promise<{ reminded: number }> {
  const due = await db.survey.findMany({
    where: {
      answeredAt: null,
      remindedAt: null,
      sentAt: { lte: new Date(now.getTime() - SURVEY_REMINDER_DAYS * DAY_MS) },
    },
    select: { id: true, walkId: true, repairId: true, customerId: true },
    take: 200,
  });
  let reminded = 0;
  for (const s of due) {
    const done = await db.$transaction(async (tx) => {
      // Claimed by the update: two instances never remind one survey twice.
      const claimed = await tx.survey.updateMany({
        where: { id: s.id, remindedAt: null, answeredAt: null },
        data: { remindedAt: now, lastMessage: "reminder queued to the customer's users" },
      });
      if (claimed.count === 0) return false;
      await recordEvents(tx, [surveyEvent("SURVEY_REMINDER", s)]);
      return true;
    });
    if (done) reminded += 1;
  }
  return { reminded };
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
