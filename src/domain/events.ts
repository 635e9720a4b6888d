import type { Status } from "./status";

// What happened, as the business names it: the one list every notification channel and
// webhook reads. An event is recorded in the transaction of the change that causes it (the
// server's DomainEvent table is the outbox), so nothing is notified that did not happen and
// nothing that happened goes unnotified.

export const EVENT_TYPES = [
  "REPAIR_CREATED",
  "REPAIR_REQUESTED",
  "REPAIR_ASSIGNED",
  "REPAIR_STARTED",
  "REPAIR_COMPLETED",
  "REPAIR_APPROVED",
  "REPAIR_DENIED",
  "REPAIR_INVOICED",
  "APPROVAL_REQUIRED",
  "LOT_WALK_SCHEDULED",
  "LOT_WALK_COMPLETED",
  "INVOICE_ISSUED",
  "PAYMENT_RECEIVED",
  "PAYMENT_REMINDER",
  "WEBHOOK_DISABLED",
  "OFFICE_MESSAGE",
  "UNIT_AT_RISK",
  "TRAINING_FLAG_RAISED",
  "TRAINING_FLAG_CLEARED",
  "SURVEY_INVITATION",
  "SURVEY_REMINDER",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABELS: Record<EventType, string> = {
  REPAIR_CREATED: "A repair is recorded",
  REPAIR_REQUESTED: "A customer requests a repair",
  REPAIR_ASSIGNED: "A repair is assigned",
  REPAIR_STARTED: "Work on a repair starts",
  REPAIR_COMPLETED: "A repair is completed",
  REPAIR_APPROVED: "A repair is approved",
  REPAIR_DENIED: "A repair is denied",
  REPAIR_INVOICED: "Repairs are invoiced",
  APPROVAL_REQUIRED: "A repair needs approval",
  LOT_WALK_SCHEDULED: "A lot walk is scheduled",
  LOT_WALK_COMPLETED: "A lot walk is completed",
  INVOICE_ISSUED: "An invoice is issued",
  PAYMENT_RECEIVED: "A payment is received",
  PAYMENT_REMINDER: "An invoice is overdue",
  WEBHOOK_DISABLED: "A webhook is switched off after failing",
  OFFICE_MESSAGE: "The office sends a message about your repairs",
  UNIT_AT_RISK: "A unit's risk of a repair crosses the alert threshold",
  TRAINING_FLAG_RAISED: "A technician's quality figures cross a training threshold",
  TRAINING_FLAG_CLEARED: "A technician's training flag clears",
  SURVEY_INVITATION: "How did our work go? A short survey",
  SURVEY_REMINDER: "A reminder of the survey on our work",
};

/** The names webhook subscribers use; an event type missing here is not sent to webhooks. */
export const WEBHOOK_EVENT_NAMES = {
  REPAIR_CREATED: "repair.created",
  REPAIR_ASSIGNED: "repair.assigned",
  REPAIR_COMPLETED: "repair.completed",
  INVOICE_ISSUED: "invoice.generated",
  PAYMENT_RECEIVED: "payment.received",
} as const satisfies Partial<Record<EventType, string>>;

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[keyof typeof WEBHOOK_EVENT_NAMES];

export function webhookEventName(type: EventType): WebhookEventName | null {
  return (WEBHOOK_EVENT_NAMES as Partial<Record<EventType, WebhookEventName>>)[type] ?? null;
}

/** What a repair event says of the repair, as it stood when the event happened. */
export type RepairEventPayload = {
  status: Status;
  unitId: string;
  technicianId: string | null;
  /** The estimate, or the frozen price once completed. */
  amountCents: number | null;
};

export type DomainEventInput = {
  type: EventType;
  customerId: string | null;
  repairId?: string | null;
  walkId?: string | null;
  invoiceId?: string | null;
  /** Who caused it (null: the system, e.g. a scheduled job). */
  actorUserId: string | null;
  payload?: Record<string, unknown>;
  /** Events told together though they share no walk or repair (one office message to many). */
  groupId?: string | null;
};

/**
 * Events with the same key are told together: a walk's repairs make one message per walk (the
 * earlier system sent one per break of a multi-break job), any other repair one per repair.
 */
export function eventGroupKey(
  event: Pick<DomainEventInput, "type" | "repairId" | "walkId" | "invoiceId" | "groupId">,
): string {
  if (event.groupId) return `${event.type}:group:${event.groupId}`;
  if (event.walkId) return `${event.type}:walk:${event.walkId}`;
  if (event.repairId) return `${event.type}:repair:${event.repairId}`;
  if (event.invoiceId) return `${event.type}:invoice:${event.invoiceId}`;
  return event.type;
}

/** The events a new repair announces: a customer's request is told as a request, whatever its status. */
export function eventsOfNewRepair(status: Status, requestedByCustomer: boolean): EventType[] {
  if (requestedByCustomer) return ["REPAIR_CREATED", "REPAIR_REQUESTED"];
  return eventsOfStatusChange(null, status);
}

/**
 * The events a repair's change announces (none for a change nobody is told of). `from` null: the
 * repair is new. A reassignment keeps the status but tells the new technician.
 */
export function eventsOfStatusChange(from: Status | null, to: Status, technicianChanged = false): EventType[] {
  if (from === to) return to === "ASSIGNED" && technicianChanged ? ["REPAIR_ASSIGNED"] : [];
  const events: EventType[] = from === null ? ["REPAIR_CREATED"] : [];
  const told: Partial<Record<Status, EventType>> = {
    REQUESTED: "REPAIR_REQUESTED",
    PENDING_APPROVAL: "APPROVAL_REQUIRED",
    APPROVED: "REPAIR_APPROVED",
    DENIED: "REPAIR_DENIED",
    ASSIGNED: "REPAIR_ASSIGNED",
    IN_PROGRESS: "REPAIR_STARTED",
    COMPLETED: "REPAIR_COMPLETED",
  };
  const event = told[to];
  if (event) events.push(event);
  return events;
}
