// The office plans walks by hand (managers: their team's and unassigned walks; admins: all):
// a one-off walk, moving a walk to another day or time, cancelling it with a reason, assigning
// or unassigning its technician. Each change is checked (the actor's right, never a technician
// the customer blocked, never in the past, no overlapping walks for one technician, a site of
// the walk's own customer), marks the walk changedByHandAt so regeneration leaves it, and is
// audited in the same transaction.
import "server-only";
import { businessDate } from "../../data/settings/business-day";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type AssignmentReasons, FIELDS, assignmentReasons, isTimeOfDay } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import { recordEvents } from "../../data/events/record-event";
import { walkScheduledEvent } from "../../data/events/walk-events";
import { lockCustomer } from "../../data/customers/lock-customer";
import {
  PLANNED_WALK_SELECT,
  auditedFields,
  checkWalkPlan,
  dateText,
  dateValue,
  lockPlannedWalk,
  plannedWalkView,
} from "../../data/planning/planned-walks";
import { assertSiteOfCustomer } from "../../data/planning/sites";
import { textInput } from "../../data/shared-inputs";
import { rankWalk } from "../assignment/rank-for-walk";
import type { ServiceContext } from "../../service-context";

const dateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written yyyy-mm-dd.");
const timeInput = z.string().refine(isTimeOfDay, "A time is written HH:MM, 00:00 to 23:59.").nullable();

export const createOneOffWalkInput = z.object({
  customerId: z.uuid(),
  siteId: z.uuid().nullable(),
  date: dateInput,
  time: timeInput,
  technicianId: z.uuid().nullable(),
});
export type CreateOneOffWalkInput = z.input<typeof createOneOffWalkInput>;

export async function createOneOffWalk(db: Db, ctx: ServiceContext, raw: CreateOneOffWalkInput) {
  const input = createOneOffWalkInput.parse(raw);
  const id = randomUUID();
  return db.$transaction(async (tx) => {
    await lockCustomer(tx, input.customerId);
    if (input.siteId) await assertSiteOfCustomer(tx, input.siteId, input.customerId);
    await checkWalkPlan(
      tx,
      ctx,
      { technicianId: null, customerId: input.customerId },
      { id, date: input.date, time: input.time },
      input.technicianId,
    );
    const walk = await tx.lotWalk.create({
      data: {
        id,
        customerId: input.customerId,
        siteId: input.siteId,
        technicianId: input.technicianId,
        origin: "ONE_OFF",
        status: "SCHEDULED",
        scheduledFor: dateValue(input.date),
        scheduledTime: input.time,
        changedByHandAt: new Date(),
      },
      select: PLANNED_WALK_SELECT,
    });
    await auditChange(tx, ctx, {
      action: "walk.plan.create",
      entityType: "LotWalk",
      entityId: id,
      before: null,
      after: auditedFields(walk),
    });
    await recordEvents(tx, [walkScheduledEvent(walk, ctx.actor.userId, "created")]);
    return plannedWalkView(walk);
  });
}

export const moveWalkInput = z.object({ walkId: z.uuid(), date: dateInput, time: timeInput });
export type MoveWalkInput = z.input<typeof moveWalkInput>;

export async function moveWalk(db: Db, ctx: ServiceContext, raw: MoveWalkInput) {
  const input = moveWalkInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await lockPlannedWalk(tx, input.walkId);
    await checkWalkPlan(tx, ctx, before, { id: before.id, date: input.date, time: input.time }, before.technicianId);
    return writeChange(tx, ctx, before, "walk.plan.move", {
      scheduledFor: dateValue(input.date),
      scheduledTime: input.time,
    });
  });
}

export const assignWalkInput = z.object({ walkId: z.uuid(), technicianId: z.uuid().nullable() });
export type AssignWalkInput = z.input<typeof assignWalkInput>;

export async function assignWalk(db: Db, ctx: ServiceContext, raw: AssignWalkInput) {
  const input = assignWalkInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await lockPlannedWalk(tx, input.walkId);
    await checkWalkPlan(
      tx,
      ctx,
      before,
      { id: before.id, date: before.scheduledFor ? dateText(before.scheduledFor) : "", time: before.scheduledTime },
      input.technicianId,
    );
    // The chosen one's factors as smart assignment scored them, and whether the manager went
    // past its recommendation; a generator's reasons no longer say why.
    const now = new Date();
    const reasons = input.technicianId
      ? assignmentReasons(await rankWalk(tx, ctx, before, now), input.technicianId, "manual", now)
      : [];
    return writeChange(tx, ctx, before, "walk.plan.assign", {
      technicianId: input.technicianId,
      assignmentReasons: reasons,
    });
  });
}

export const cancelWalkInput = z.object({ walkId: z.uuid(), reason: textInput(FIELDS.reason, { required: true }) });
export type CancelWalkInput = z.input<typeof cancelWalkInput>;

export async function cancelWalk(db: Db, ctx: ServiceContext, raw: CancelWalkInput) {
  const input = cancelWalkInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await lockPlannedWalk(tx, input.walkId);
    // Cancelling frees a slot and leaves nobody on the walk: only the right to plan this walk
    // is checked (a technician the customer has since blocked does not stop it, nor its date).
    const day = before.scheduledFor ? dateText(before.scheduledFor) : businessDate();
    await checkWalkPlan(tx, ctx, before, { id: before.id, date: day, time: null }, null, day);
    return writeChange(tx, ctx, before, "walk.plan.cancel", { status: "CANCELLED" }, input.reason);
  });
}

async function writeChange(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  ctx: ServiceContext,
  before: Awaited<ReturnType<typeof lockPlannedWalk>>,
  action: string,
  data: {
    scheduledFor?: Date;
    scheduledTime?: string | null;
    technicianId?: string | null;
    status?: "CANCELLED";
    assignmentReasons?: string[] | AssignmentReasons;
  },
  reason?: string,
) {
  const after = await tx.lotWalk.update({
    where: { id: before.id },
    data: { ...data, changedByHandAt: new Date() },
    select: PLANNED_WALK_SELECT,
  });
  await auditChange(tx, ctx, {
    action,
    entityType: "LotWalk",
    entityId: before.id,
    before: auditedFields(before),
    after: auditedFields(after),
    ...(reason ? { extra: { reason: { before: null, after: reason } } } : {}),
  });
  // A walk moved or given to someone is announced again; a cancelled or unassigned one is not.
  const announced = data.status !== "CANCELLED" && after.technicianId !== null;
  if (announced && (data.scheduledFor !== undefined || data.technicianId !== undefined))
    await recordEvents(tx, [walkScheduledEvent(after, ctx.actor.userId, action)]);
  return plannedWalkView(after);
}
