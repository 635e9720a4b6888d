// Walks from schedules: for every customer whose fleet settings plan lot walks (SCHEDULED or
// HYBRID service, lot walking on, some weekdays), one walk per walk day from the business's today
// through the horizon (BusinessSettings.walkHorizonWeeks), at the customer's primary site and
// lot-walking time. Safe to run any number of times, at once too:
// - a walk day's key "<customerId>:<yyyy-mm-dd>" is unique and rows go in with ON CONFLICT DO
//   NOTHING, so a day never gets a second walk, whoever inserts first;
// - a walk the office moved, cancelled or reassigned (changedByHandAt) is left as it is, and
//   its key keeps the day from being generated again;
// - a future walk generated for a day the schedule no longer gives (the settings changed) is
//   deleted, but only while untouched: not started, not changed by hand, nothing captured on it.
// A walk is assigned when the customer has exactly one preferred technician who is active, not
// blocked and free at that time; otherwise it waits, unassigned, for the office.
// Runs from the daily job (src/server/jobs/), the office's "Generate now", and after an admin
// saves a customer's fleet settings. Each customer in its own transaction under its row lock.
import "server-only";
import { businessDate } from "../../data/settings/business-day";
import { randomUUID } from "node:crypto";
import type { DomainEventInput } from "~/domain/index";
import { recordEvents } from "../../data/events/record-event";
import { walkScheduledEvent } from "../../data/events/walk-events";
import {
  type WalkScheduleSettings,
  isScheduledDay,
  lotWalkingWeekdays,
  generatedWalkTechnician,
  scheduleKey,
  scheduledWalkDates,
  slotsOverlap,
} from "~/domain";
import type { Db, DbTx } from "../../db";
import { type AuditEntry, writeAudits } from "../../audit/write-audit";
import { lockCustomer } from "../../data/customers/lock-customer";
import { dateText, dateValue } from "../../data/planning/planned-walks";
import { readBusinessSettings } from "../../data/settings/business-settings";
import type { ServiceContext } from "../../service-context";

export type GenerationResult = { customers: number; created: number; removed: number };

export type GenerateOptions = {
  now?: Date;
  /** Only this customer (after its settings were saved); every customer otherwise. */
  customerId?: string;
  /** Who asked ("Generate now", a settings save); null for the daily job. */
  ctx?: ServiceContext | null;
};

const JOB_ORIGIN = { ip: null, userAgent: null };

export async function generateScheduledWalks(db: Db, options: GenerateOptions = {}): Promise<GenerationResult> {
  const now = options.now ?? new Date();
  const today = businessDate(now);
  const { walkHorizonWeeks } = await readBusinessSettings(db);
  // Customers with a schedule, and those that may still hold generated walks to clean up.
  const customers = await db.customer.findMany({
    where: {
      ...(options.customerId ? { id: options.customerId } : {}),
      OR: [
        { lotWalkingEnabled: true },
        { walks: { some: { origin: "SCHEDULE", status: "SCHEDULED", changedByHandAt: null } } },
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const result: GenerationResult = { customers: customers.length, created: 0, removed: 0 };
  for (const { id } of customers) {
    const one = await db.$transaction((tx) =>
      generateForCustomer(tx, id, today, walkHorizonWeeks, options.ctx ?? null),
    );
    result.created += one.created;
    result.removed += one.removed;
  }
  return result;
}

async function generateForCustomer(
  tx: DbTx,
  customerId: string,
  today: string,
  horizonWeeks: number,
  ctx: ServiceContext | null,
): Promise<{ created: number; removed: number }> {
  await lockCustomer(tx, customerId);
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      lotWalkingEnabled: true,
      lotWalkingSchedule: true,
      lotWalkingFrequency: true,
      lotWalkingTime: true,
      serviceMode: true,
      preferredTechnicians: {
        select: { id: true, isActive: true, user: { select: { name: true, isActive: true } } },
      },
      blockedTechnicians: { select: { id: true } },
      sites: { where: { isPrimary: true }, select: { id: true }, take: 1 },
    },
  });
  const settings: WalkScheduleSettings = {
    lotWalkingEnabled: customer.lotWalkingEnabled,
    weekdays: lotWalkingWeekdays(customer.lotWalkingSchedule),
    frequency: customer.lotWalkingFrequency,
    serviceMode: customer.serviceMode,
  };
  const audits: AuditEntry[] = [];
  const events: DomainEventInput[] = [];
  const audit = (action: string, entityId: string, changes: AuditEntry["changes"]) =>
    audits.push({
      actor: ctx ? { userId: ctx.actor.userId, email: ctx.actor.email } : null,
      origin: ctx?.origin ?? JOB_ORIGIN,
      action,
      entityType: "LotWalk",
      entityId,
      changes,
    });

  // Days the schedule no longer gives: their untouched walks go.
  const future = await tx.lotWalk.findMany({
    where: {
      customerId,
      origin: "SCHEDULE",
      status: "SCHEDULED",
      changedByHandAt: null,
      scheduledFor: { gte: dateValue(today) },
      repairs: { none: {} },
      attachments: { none: {} },
    },
    select: { id: true, scheduledFor: true, scheduleKey: true, technicianId: true },
  });
  const stale = future.filter((w) => w.scheduledFor && !isScheduledDay(settings, dateText(w.scheduledFor)));
  let removed = 0;
  if (stale.length > 0) {
    const gone = await tx.$queryRaw<{ id: string }[]>`
      DELETE FROM "LotWalk" w
      WHERE w.id = ANY(${stale.map((w) => w.id)}::uuid[])
        AND w.status = 'SCHEDULED' AND w."changedByHandAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Repair" r WHERE r."walkId" = w.id)
        AND NOT EXISTS (SELECT 1 FROM "Attachment" a WHERE a."walkId" = w.id)
      RETURNING w.id`;
    removed = gone.length;
    const byId = new Map(stale.map((w) => [w.id, w]));
    for (const { id } of gone) {
      const walk = byId.get(id);
      audit("walk.unschedule", id, {
        scheduleKey: { before: walk?.scheduleKey ?? null, after: null },
        reason: { before: null, after: "the customer's schedule no longer gives this day" },
      });
    }
  }

  const dates = scheduledWalkDates(settings, today, horizonWeeks);
  const blocked = new Set(customer.blockedTechnicians.map((t) => t.id));
  const preferred = generatedWalkTechnician(
    customer.preferredTechnicians.map((t) => ({
      id: t.id,
      name: t.user.name,
      isActive: t.isActive && t.user.isActive,
    })),
    blocked,
  );
  const siteId = customer.sites[0]?.id ?? null;
  const time = customer.lotWalkingTime;
  let created = 0;
  for (const date of dates) {
    const key = scheduleKey(customerId, date);
    const technicianId = preferred && (await isFree(tx, preferred.id, date, time)) ? preferred.id : null;
    const reasons = technicianId && preferred ? [preferred.reason] : null;
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "LotWalk" ("id", "customerId", "technicianId", "siteId", "status", "origin", "scheduledFor",
        "scheduledTime", "scheduleKey", "assignmentReasons", "createdAt", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${customerId}::uuid, ${technicianId}::uuid, ${siteId}::uuid,
        'SCHEDULED'::"WalkStatus", 'SCHEDULE'::"WalkOrigin", ${date}::date, ${time}, ${key},
        ${reasons ? JSON.stringify(reasons) : null}::jsonb, now(), now())
      ON CONFLICT ("scheduleKey") DO NOTHING
      RETURNING id`;
    for (const { id } of inserted) {
      created += 1;
      audit("walk.generate", id, {
        scheduleKey: { before: null, after: key },
        scheduledFor: { before: null, after: date },
        scheduledTime: { before: null, after: time },
        technicianId: { before: null, after: technicianId },
      });
      events.push(
        walkScheduledEvent(
          { id, customerId, technicianId, siteId, scheduledFor: date, scheduledTime: time },
          ctx?.actor.userId ?? null,
          "generated",
        ),
      );
    }
  }
  if (audits.length > 0) await writeAudits(tx, audits);
  await recordEvents(tx, events);
  return { created, removed };
}

/** Whether the technician has no planned walk overlapping this one's slot. */
async function isFree(tx: DbTx, technicianId: string, date: string, time: string | null): Promise<boolean> {
  const walks = await tx.lotWalk.findMany({
    where: { technicianId, scheduledFor: dateValue(date), status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
    select: { id: true, scheduledTime: true },
  });
  return !walks.some((w) => slotsOverlap({ id: "new", date, time }, { id: w.id, date, time: w.scheduledTime }));
}
