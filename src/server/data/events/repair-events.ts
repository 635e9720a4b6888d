// The events of a repair's creation or status change, in the words of src/domain/events.ts.
import "server-only";
import { type DomainEventInput, type RepairEventPayload, eventsOfNewRepair, eventsOfStatusChange } from "~/domain/index";
import type { Repair } from "../../db/generated/client";

type RepairFacts = Pick<
  Repair,
  "id" | "customerId" | "walkId" | "origin" | "status" | "unitId" | "technicianId" | "estimateCents" | "priceCents"
>;

/** `before` null: the repair is new. */
export function repairEvents(
  before: Pick<Repair, "status" | "technicianId"> | null,
  after: RepairFacts,
  actorUserId: string | null,
): DomainEventInput[] {
  const technicianChanged = before !== null && before.technicianId !== after.technicianId;
  const payload: RepairEventPayload = {
    status: after.status,
    unitId: after.unitId,
    technicianId: after.technicianId,
    amountCents: after.priceCents ?? after.estimateCents,
  };
  const types = before
    ? eventsOfStatusChange(before.status, after.status, technicianChanged)
    : eventsOfNewRepair(after.status, after.origin === "CUSTOMER_REQUEST");
  return types.map((type) => ({
    type,
    customerId: after.customerId,
    repairId: after.id,
    walkId: after.walkId,
    actorUserId,
    payload,
  }));
}
