// The statuses of a repair: one life cycle carrying both seed flows.
//   customer request: REQUESTED -> ASSIGNED -> IN_PROGRESS -> COMPLETED -> CLOSED
//   lot walk:         (capture) -> APPROVED | PENDING_APPROVAL -> ... -> COMPLETED -> INVOICED -> CLOSED
// The seeds' IDENTIFIED is the capture itself, AUTO_APPROVED is APPROVED with an automatic
// approval fact, BATCH_INVOICED is INVOICED.

export const STATUSES = [
  "REQUESTED",
  "PENDING_APPROVAL",
  "APPROVED",
  "ASSIGNED",
  "IN_PROGRESS",
  "COMPLETED",
  "INVOICED",
  "CLOSED",
  "DENIED",
  "CANCELLED",
] as const;

export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  REQUESTED: "Requested by customer",
  PENDING_APPROVAL: "Waiting for approval",
  APPROVED: "Approved",
  ASSIGNED: "Assigned to technician",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  INVOICED: "Invoiced",
  CLOSED: "Closed (paid)",
  DENIED: "Denied",
  CANCELLED: "Cancelled",
};

/** No action leads out of these: a denial, a cancellation or a paid repair is final. */
export const TERMINAL_STATUSES: readonly Status[] = ["DENIED", "CANCELLED", "CLOSED"];

export function isTerminal(status: Status): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Statuses whose price is frozen (the repair was completed). */
export const PRICE_FROZEN_STATUSES: readonly Status[] = ["COMPLETED", "INVOICED", "CLOSED"];

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}
