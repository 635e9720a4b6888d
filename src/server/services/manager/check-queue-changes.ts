// Polled by the manager's tablet every few seconds: has anything it shows changed (pending
// approvals, unassigned and assigned work, open flags, the team board's work, walks and device
// syncs, or the manager's own rights)? Index-backed aggregates, no rows: the screen refetches
// its lists only when the cursor moves.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { FIELDS, overseenTechnicianIds } from "~/domain";
import type { Db } from "../../db";
import type { Prisma } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { OPEN_STATUSES } from "../../data/repairs/refresh-open-estimates";
import { visibleRepairsWhere } from "../../data/repairs/visible-repairs-where";
import { textInput } from "../../data/shared-inputs";
import { OPEN_FLAG } from "./list-flagged-repairs";

export const checkQueueChangesInput = z.object({ cursor: textInput(FIELDS.filter).optional() });
export type CheckQueueChangesInput = z.input<typeof checkQueueChangesInput>;

// The team board counts today's completions; 36 hours reach any business day's start.
const RECENT_MS = 36 * 60 * 60 * 1000;

const watchedRepairs = (now: Date): Prisma.RepairWhereInput[] => [
  { status: "PENDING_APPROVAL" },
  { technicianId: null, status: { in: ["REQUESTED", "APPROVED"] } },
  OPEN_FLAG,
  // Assigned work and its moves: a reassignment by someone else, work started or cancelled.
  { status: { in: OPEN_STATUSES } },
  { completedAt: { gte: new Date(now.getTime() - RECENT_MS) } },
];

export async function checkQueueChanges(db: Db, ctx: ServiceContext, raw: CheckQueueChangesInput = {}) {
  const input = checkQueueChangesInput.parse(raw);
  const visible = visibleRepairsWhere(ctx.actor);
  const overseen = overseenTechnicianIds(ctx.actor);
  const team = overseen === "all" ? {} : { id: { in: [...overseen] } };
  const { sets, technicians, walks } = await db.$transaction(async (tx) => {
    const sets = [];
    for (const where of watchedRepairs(new Date()))
      sets.push(
        await tx.repair.aggregate({
          where: { AND: [visible, where] },
          _count: { _all: true },
          _max: { updatedAt: true },
        }),
      );
    // The team board: who is on a walk, and when each device last synced.
    const technicians = await tx.technician.aggregate({
      where: team,
      _count: { _all: true },
      _max: { updatedAt: true, lastSyncAt: true },
    });
    const walks = await tx.lotWalk.aggregate({
      where: { technician: team, status: "IN_PROGRESS" },
      _count: { _all: true },
      _max: { updatedAt: true },
    });
    return { sets, technicians, walks };
  });
  // A count catches work leaving a list (approved elsewhere), the newest update work entering
  // or changing in it; the actor's rights change what the lists hold without any repair changing.
  const state = {
    sets: sets.map((s) => [s._count._all, s._max.updatedAt?.getTime() ?? 0]),
    team: [
      technicians._count._all,
      technicians._max.updatedAt?.getTime() ?? 0,
      technicians._max.lastSyncAt?.getTime() ?? 0,
    ],
    walks: [walks._count._all, walks._max.updatedAt?.getTime() ?? 0],
    rights: ctx.actor.technician
      ? { ...ctx.actor.technician, managedTechnicianIds: [...ctx.actor.technician.managedTechnicianIds].sort() }
      : ctx.actor.role,
  };
  const cursor = createHash("sha256").update(JSON.stringify(state)).digest("base64url").slice(0, 22);
  return { cursor, changed: cursor !== input.cursor };
}
