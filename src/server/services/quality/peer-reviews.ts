// Peer review: each day a share of each technician's completed repairs is drawn (reproducibly:
// drawnForReview hashes the repair and the day) into the review queue of the technician's
// managers (and the admins'); a manager rates photo and repair quality 1-5 with notes, on their
// team's work only, never their own.
import "server-only";
import { z } from "zod";
import { FIELDS, type Reviewer, actorKind, drawnForReview, mayReview, rubricProblem } from "~/domain";
import { dayKey } from "~/domain/business-month";
import { config } from "../../config";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";
import { assertOffice } from "../../data/quality/office";
import { readQuality } from "../../data/settings/quality-settings";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Draws the repairs completed on `day` (business calendar) and the day before; reruns add nothing twice. */
export async function drawPeerReviews(db: Db, now = new Date()): Promise<{ drawn: number }> {
  const { peerReviewPercent } = await readQuality(db);
  const zone = config().BUSINESS_TIME_ZONE;
  const completed = await db.repair.findMany({
    where: {
      completedAt: { gte: new Date(now.getTime() - 2 * DAY_MS) },
      technicianId: { not: null },
      warrantyOfId: null,
    },
    select: { id: true, technicianId: true, completedAt: true },
  });
  let drawn = 0;
  for (const r of completed) {
    const day = dayKey(r.completedAt!, zone);
    if (!drawnForReview(r.id, day, peerReviewPercent)) continue;
    const inserted = await db.$executeRaw`
      INSERT INTO "PeerReview" (id, "repairId", "technicianId", "drawnOn")
      VALUES (gen_random_uuid(), ${r.id}::uuid, ${r.technicianId}::uuid, ${day})
      ON CONFLICT ("repairId") DO NOTHING`;
    drawn += inserted;
  }
  return { drawn };
}

/** Who the acting office user may review (mayReview): an admin everyone, a manager their team. */
function reviewerOf(ctx: ServiceContext): Reviewer {
  const technician = ctx.actor.technician;
  return {
    technicianId: technician?.id ?? null,
    isManager: !technician || technician.isManager,
    team: actorKind(ctx.actor) === "admin" ? "all" : (technician?.managedTechnicianIds ?? []),
  };
}

/** The queue: drawn repairs not reviewed yet of the reviewer's team (everyone's for an admin), never their own. */
export async function listPeerReviews(db: Db, ctx: ServiceContext) {
  assertOffice(ctx);
  const reviewer = reviewerOf(ctx);
  const own = reviewer.technicianId;
  const whose =
    reviewer.team === "all" ? (own ? { not: own } : undefined) : { in: reviewer.team.filter((id) => id !== own) };
  const rows = await db.peerReview.findMany({
    where: { reviewedAt: null, ...(whose ? { technicianId: whose } : {}) },
    orderBy: [{ drawnOn: "asc" }, { id: "asc" }],
    take: 50,
    include: {
      repair: {
        select: {
          id: true,
          damageType: true,
          completedAt: true,
          technicianNotes: true,
          unit: { select: { unitNumber: true } },
          customer: { select: { name: true } },
          technician: { select: { user: { select: { name: true } } } },
          attachments: { where: { kind: "PHOTO", uploadedAt: { not: null } }, select: { id: true, photoStage: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    drawnOn: r.drawnOn,
    repairId: r.repair.id,
    damageType: r.repair.damageType,
    completedAt: r.repair.completedAt,
    notes: r.repair.technicianNotes,
    unitNumber: r.repair.unit.unitNumber,
    customerName: r.repair.customer.name,
    technicianName: r.repair.technician?.user.name ?? "",
    photos: r.repair.attachments,
  }));
}

export const submitPeerReviewInput = z.object({
  id: z.uuid(),
  photoQuality: z.number(),
  repairQuality: z.number(),
  notes: textInput(FIELDS.reviewNotes),
});
export type SubmitPeerReviewInput = z.input<typeof submitPeerReviewInput>;

export async function submitPeerReview(db: Db, ctx: ServiceContext, raw: SubmitPeerReviewInput) {
  const input = submitPeerReviewInput.parse(raw);
  assertOffice(ctx);
  const problem = rubricProblem(input);
  if (problem) throw new InvalidRequest("INVALID_REVIEW", problem);
  return db.$transaction(async (tx) => {
    const [review] = await tx.$queryRaw<{ technicianId: string; reviewedAt: Date | null }[]>`
      SELECT "technicianId", "reviewedAt" FROM "PeerReview" WHERE id = ${input.id}::uuid FOR UPDATE`;
    if (!review) throw new NotFound("Peer review");
    const reviewer = reviewerOf(ctx);
    if (!mayReview(reviewer, review.technicianId))
      throw new InvalidRequest(
        "REVIEW_NOT_ALLOWED",
        review.technicianId === reviewer.technicianId
          ? "A manager never reviews their own work."
          : "A manager reviews only the work of their own team.",
      );
    if (review.reviewedAt) throw new InvalidRequest("REVIEW_NOT_ALLOWED", "This repair was already reviewed.");
    return tx.peerReview.update({
      where: { id: input.id },
      data: {
        photoQuality: input.photoQuality,
        repairQuality: input.repairQuality,
        notes: input.notes || null,
        reviewerUserId: ctx.actor.userId,
        reviewedAt: new Date(),
      },
    });
  });
}
