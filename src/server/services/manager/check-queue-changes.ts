// Polled by the manager's tablet every few seconds: has anything it shows changed (pending
// approvals, unassigned work, open flags, or the manager's own rights)? Three index-backed
// aggregates, no rows: the screen refetches its lists only when the cursor moves.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db";
import type { Prisma } from "../../db/generated/client";
import type { ServiceContext } from "../context";
import { visibleRepairsWhere } from "../repairs/visible-repairs-where";
import { OPEN_FLAG } from "./list-flagged-repairs";

export const checkQueueChangesInput = z.object({ cursor: z.string().max(100).optional() });
export type CheckQueueChangesInput = z.input<typeof checkQueueChangesInput>;

const WATCHED: Prisma.RepairWhereInput[] = [
  { status: "PENDING_APPROVAL" },
  { technicianId: null, status: { in: ["REQUESTED", "APPROVED"] } },
  OPEN_FLAG,
];

export async function checkQueueChanges(db: Db, ctx: ServiceContext, raw: CheckQueueChangesInput = {}) {
  const input = checkQueueChangesInput.parse(raw);
  const visible = visibleRepairsWhere(ctx.actor);
  const sets = await db.$transaction(async (tx) => {
    const results = [];
    for (const where of WATCHED) results.push(await tx.repair.aggregate({ where: { AND: [visible, where] }, _count: { _all: true }, _max: { updatedAt: true } }));
    return results;
  });
  // A count catches work leaving a list (approved elsewhere), the newest update work entering
  // or changing in it; the actor's rights change what the lists hold without any repair changing.
  const state = {
    sets: sets.map((s) => [s._count._all, s._max.updatedAt?.getTime() ?? 0]),
    rights: ctx.actor.technician ? { ...ctx.actor.technician, managedTechnicianIds: [...ctx.actor.technician.managedTechnicianIds].sort() } : ctx.actor.role,
  };
  const cursor = createHash("sha256").update(JSON.stringify(state)).digest("base64url").slice(0, 22);
  return { cursor, changed: cursor !== input.cursor };
}
