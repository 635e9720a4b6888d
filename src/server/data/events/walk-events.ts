// The event of a walk being planned: a new walk, or a walk whose day, time or technician the
// office changed. Its technician and the customer are told (by the notification fan-out).
import "server-only";
import type { DomainEventInput } from "~/domain/index";

type PlannedWalk = {
  id: string;
  customerId: string;
  technicianId: string | null;
  siteId: string | null;
  scheduledFor: Date | string | null;
  scheduledTime: string | null;
};

export function walkScheduledEvent(walk: PlannedWalk, actorUserId: string | null, change: string): DomainEventInput {
  const date = walk.scheduledFor instanceof Date ? walk.scheduledFor.toISOString().slice(0, 10) : walk.scheduledFor;
  return {
    type: "LOT_WALK_SCHEDULED",
    customerId: walk.customerId,
    walkId: walk.id,
    actorUserId,
    payload: { change, date, time: walk.scheduledTime, technicianId: walk.technicianId, siteId: walk.siteId },
  };
}

export function walkCompletedEvent(
  walk: { id: string; customerId: string; technicianId: string | null },
  actorUserId: string | null,
): DomainEventInput {
  return {
    type: "LOT_WALK_COMPLETED",
    customerId: walk.customerId,
    walkId: walk.id,
    actorUserId,
    payload: { technicianId: walk.technicianId },
  };
}
