// Turns committed events (the DomainEvent outbox) into in-app notifications: for each event, the
// people its audiences name (notifications.ts) but not whoever caused it; one notification per
// person and group key, so a walk's repairs make one that counts them. Events are claimed with
// FOR UPDATE SKIP LOCKED and marked in the same transaction: several app instances share the
// work and each event is told once.
import "server-only";
import { AUDIENCE_HOME, type Audience, audiencesOf, notificationTitle } from "~/domain";
import { type Told, queueDeliveries } from "../../data/notifications/queue-deliveries";
import { surveyOfEvent, surveyPath } from "../../data/quality/survey-token";
import type { Db, DbTx } from "../../db";

type EventRow = {
  id: string;
  type: string;
  customerId: string | null;
  repairId: string | null;
  walkId: string | null;
  actorUserId: string | null;
  groupKey: string;
  payload: { technicianId?: string | null } | null;
};

export type FanOutResult = { events: number; notifications: number; deliveries: number };

/** Tells up to `limit` waiting events; returns how many it took (0: none waiting). */
export async function fanOutEvents(db: Db, limit = 200): Promise<FanOutResult> {
  return db.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<EventRow[]>`
      SELECT id, type, "customerId", "repairId", "walkId", "actorUserId", "groupKey", payload
      FROM "DomainEvent" WHERE "notifiedAt" IS NULL ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return { events: 0, notifications: 0, deliveries: 0 };
      const people = await recipients(tx, events);
      const told: Told[] = [];
      for (const event of events) {
        for (const audience of audiencesOf(event.type)) {
          for (const userId of people.of(audience, event)) {
            if (userId === event.actorUserId) continue;
            await tell(tx, userId, audience, event);
            told.push({ userId, audience, event });
          }
        }
      }
      // Email, SMS and push: queued in this transaction, so an event is queued exactly when it is marked told.
      const deliveries = await queueDeliveries(tx, told);
      await tx.$executeRaw`UPDATE "DomainEvent" SET "notifiedAt" = now() WHERE id = ANY(${events.map((e) => e.id)}::uuid[])`;
      return { events: events.length, notifications: told.length, deliveries };
    },
    // A busy machine must not expire a batch forever: the same events would be claimed again and again.
    { timeout: 60_000 },
  );
}

/** A new notification, or the group's one counted up and unread again, its title counting. */
async function tell(tx: DbTx, userId: string, audience: Audience, event: EventRow): Promise<void> {
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "Notification" (id, "userId", type, "groupKey", title, url, count, "customerId", "repairId", "walkId", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, ${event.type}, ${event.groupKey}, ${notificationTitle(event.type, 1, audience)},
      ${notificationUrl(audience, event)}, 1, ${event.customerId}::uuid, ${event.repairId}::uuid, ${event.walkId}::uuid, now(), now())
    ON CONFLICT ("userId", "groupKey") DO UPDATE SET
      count = "Notification".count + 1, "readAt" = NULL, "updatedAt" = now()
    RETURNING count`;
  if (row && row.count > 1)
    await tx.$executeRaw`UPDATE "Notification" SET title = ${notificationTitle(event.type, row.count, audience)}
      WHERE "userId" = ${userId}::uuid AND "groupKey" = ${event.groupKey}`;
}

function notificationUrl(audience: Audience, event: EventRow): string {
  const survey = surveyOfEvent(event);
  if (survey) return surveyPath(survey);
  const home = AUDIENCE_HOME[audience];
  if (audience === "customer" && event.repairId) return `${home}#repair-${event.repairId}`;
  return home;
}

type People = { of(audience: Audience, event: EventRow): string[] };

/** The users each audience names, read once for the whole batch. */
async function recipients(tx: DbTx, events: readonly EventRow[]): Promise<People> {
  const customerIds = [...new Set(events.flatMap((e) => (e.customerId ? [e.customerId] : [])))];
  const technicianIds = [...new Set(events.flatMap((e) => (e.payload?.technicianId ? [e.payload.technicianId] : [])))];
  // One after the other: a transaction's queries share one connection.
  const customerUsers = await tx.customerUser.findMany({
    where: { customerId: { in: customerIds }, user: { isActive: true } },
    select: { customerId: true, userId: true },
  });
  // The office: admins, and technicians who manage a team.
  const office = await tx.user.findMany({
    where: { isActive: true, OR: [{ role: "ADMIN" }, { technician: { isManager: true } }] },
    select: { id: true },
  });
  const technicians = await tx.technician.findMany({
    where: { id: { in: technicianIds } },
    select: {
      id: true,
      userId: true,
      user: { select: { isActive: true } },
      // Their team's managers: the "team" audience.
      managers: { where: { user: { isActive: true } }, select: { userId: true } },
    },
  });
  const usersOf = new Map<string, string[]>();
  for (const cu of customerUsers) usersOf.set(cu.customerId, [...(usersOf.get(cu.customerId) ?? []), cu.userId]);
  const userOfTechnician = new Map(technicians.filter((t) => t.user.isActive).map((t) => [t.id, t.userId]));
  const managersOf = new Map(technicians.map((t) => [t.id, t.managers.map((m) => m.userId)]));
  return {
    of(audience, event) {
      if (audience === "customer") return event.customerId ? (usersOf.get(event.customerId) ?? []) : [];
      if (audience === "office") return office.map((u) => u.id);
      const technicianId = event.payload?.technicianId;
      if (audience === "team") return technicianId ? (managersOf.get(technicianId) ?? []) : [];
      const technician = technicianId ? userOfTechnician.get(technicianId) : undefined;
      return technician ? [technician] : [];
    },
  };
}
