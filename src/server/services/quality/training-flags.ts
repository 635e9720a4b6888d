// Training flags and the figures behind them: per technician over the last 90 days, the callback
// rate (warranty claims on their completed repairs), the survey average and the peer-review
// average. A technician past an admin threshold is flagged with the repairs behind the figure;
// the flag clears when a later check finds the figures recovered.
import "server-only";
import { type DomainEventInput, TRAINING_WINDOW_DAYS, type TrainingFacts, trainingFlagReasons } from "~/domain";
import type { Db } from "../../db";
import { recordEvents } from "../../data/events/record-event";
import type { ServiceContext } from "../../service-context";
import { assertOffice } from "../../data/quality/office";
import { readQuality } from "../../data/settings/quality-settings";

const DAY_MS = 24 * 60 * 60 * 1000;

async function factsOf(db: Db, technicianId: string, since: Date): Promise<TrainingFacts> {
  const [completed, claims, surveys, reviews] = await Promise.all([
    db.repair.findMany({
      where: { technicianId, completedAt: { gte: since }, warrantyOfId: null },
      select: { id: true },
    }),
    db.warrantyClaim.findMany({
      where: { createdAt: { gte: since }, repair: { technicianId } },
      select: { repairId: true },
    }),
    db.survey.findMany({
      where: { technicianId, answeredAt: { gte: since }, stars: { not: null } },
      select: { id: true, stars: true, repairId: true },
    }),
    db.peerReview.findMany({
      where: { technicianId, reviewedAt: { gte: since } },
      select: { repairId: true, photoQuality: true, repairQuality: true },
    }),
  ]);
  return {
    completedRepairIds: completed.map((r) => r.id),
    callbackRepairIds: [...new Set(claims.map((c) => c.repairId))],
    surveys: surveys.map((s) => ({ id: s.repairId ?? s.id, stars: s.stars! })),
    reviews: reviews.map((r) => ({ id: r.repairId, score: ((r.photoQuality ?? 0) + (r.repairQuality ?? 0)) / 2 })),
  };
}

/**
 * A flag raised or cleared, told to the technician and their managers (the "team" audience); the
 * sentences say what crossed which threshold. Updating an open flag's figures tells nobody again.
 */
function flagEvent(
  type: "TRAINING_FLAG_RAISED" | "TRAINING_FLAG_CLEARED",
  flagId: string,
  technicianId: string,
  reasons: ReturnType<typeof trainingFlagReasons>,
): DomainEventInput {
  return {
    type,
    customerId: null,
    actorUserId: null,
    groupId: flagId,
    payload: { technicianId, flagId, reasons: reasons.map((r) => r.sentence) },
  };
}

/** Raises, updates and clears the flags of every active technician, telling each raise and clear. */
export async function checkTrainingFlags(db: Db, now = new Date()): Promise<{ flagged: number; cleared: number }> {
  const { training } = await readQuality(db);
  const since = new Date(now.getTime() - TRAINING_WINDOW_DAYS * DAY_MS);
  const technicians = await db.technician.findMany({ where: { isActive: true }, select: { id: true } });
  let flagged = 0;
  let cleared = 0;
  for (const { id } of technicians) {
    const reasons = trainingFlagReasons(await factsOf(db, id, since), training);
    const open = await db.trainingFlag.findFirst({ where: { technicianId: id, clearedAt: null } });
    if (reasons.length > 0) {
      flagged += 1;
      if (open) await db.trainingFlag.update({ where: { id: open.id }, data: { reasons, checkedAt: now } });
      else
        await db.$transaction(async (tx) => {
          const flag = await tx.trainingFlag.create({
            data: { technicianId: id, reasons, raisedAt: now, checkedAt: now },
          });
          await recordEvents(tx, [flagEvent("TRAINING_FLAG_RAISED", flag.id, id, reasons)]);
        });
    } else if (open) {
      cleared += 1;
      await db.$transaction(async (tx) => {
        await tx.trainingFlag.update({ where: { id: open.id }, data: { clearedAt: now, checkedAt: now } });
        await recordEvents(tx, [flagEvent("TRAINING_FLAG_CLEARED", open.id, id, [])]);
      });
    }
  }
  return { flagged, cleared };
}

/** Each technician's figures and open flag, for the office's quality page. */
export async function technicianQuality(db: Db, ctx: ServiceContext, now = new Date()) {
  assertOffice(ctx);
  const since = new Date(now.getTime() - TRAINING_WINDOW_DAYS * DAY_MS);
  const technicians = await db.technician.findMany({
    where: { isActive: true },
    select: { id: true, customerRating: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const flags = await db.trainingFlag.findMany({ where: { clearedAt: null } });
  const flagOf = new Map(flags.map((f) => [f.technicianId, f]));
  const rows = [];
  for (const t of technicians) {
    const facts = await factsOf(db, t.id, since);
    const avg = (values: number[]) =>
      values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
    const flag = flagOf.get(t.id);
    rows.push({
      id: t.id,
      name: t.user.name,
      rating: t.customerRating === null ? null : Number(t.customerRating),
      completed: facts.completedRepairIds.length,
      callbacks: facts.callbackRepairIds.length,
      surveyAverage: avg(facts.surveys.map((s) => s.stars)),
      surveys: facts.surveys.length,
      reviewAverage: avg(facts.reviews.map((r) => r.score)),
      reviews: facts.reviews.length,
      flag: flag
        ? { raisedAt: flag.raisedAt, reasons: flag.reasons as Array<{ sentence: string; evidence: string[] }> }
        : null,
    });
  }
  return rows;
}
