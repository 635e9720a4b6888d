// Who is told of what, and in which words. Events (events.ts) say what happened; this says which
// people it concerns: the customer's users, the office (managers and admins), the technician
// the work is for, or that technician's own managers (their team). Whoever caused an event is never told of it. Events with one group key (a
// walk's repairs) make one notification per person, counting them.
import type { EventType } from "./events";

export type Audience = "customer" | "office" | "technician" | "team";

const AUDIENCES: Record<EventType, readonly Audience[]> = {
  REPAIR_CREATED: [], // webhooks only: every capture is also told as what it needs
  REPAIR_REQUESTED: ["office"],
  APPROVAL_REQUIRED: ["customer", "office"],
  REPAIR_APPROVED: ["office"],
  REPAIR_DENIED: ["office"],
  REPAIR_ASSIGNED: ["technician"],
  REPAIR_STARTED: ["customer"],
  REPAIR_COMPLETED: ["customer"],
  REPAIR_INVOICED: ["customer"],
  LOT_WALK_SCHEDULED: ["technician", "customer"],
  LOT_WALK_COMPLETED: ["customer", "office"],
  INVOICE_ISSUED: ["customer"],
  PAYMENT_RECEIVED: ["office"],
  PAYMENT_REMINDER: ["customer"],
  // The subscription's owner: its customer's users, and the office that runs the business-wide ones.
  WEBHOOK_DISABLED: ["customer", "office"],
  OFFICE_MESSAGE: ["customer"],
  // Predictive maintenance: the customer's fleet manager and the office both plan the inspection.
  UNIT_AT_RISK: ["customer", "office"],
  // The technician and the managers who coach them, not the whole office.
  TRAINING_FLAG_RAISED: ["technician", "team"],
  TRAINING_FLAG_CLEARED: ["technician", "team"],
  // The customer's users: the link in it answers the survey without signing in.
  SURVEY_INVITATION: ["customer"],
  SURVEY_REMINDER: ["customer"],
};

export function audiencesOf(type: string): readonly Audience[] {
  return (AUDIENCES as Record<string, readonly Audience[]>)[type] ?? [];
}

/** Where a person of this audience deals with it. */
export const AUDIENCE_HOME: Record<Audience, string> = {
  customer: "/portal",
  office: "/manager",
  technician: "/walk",
  team: "/manager/quality",
};

const plural = (count: number, one: string, many: string) => (count === 1 ? one : `${count} ${many}`);

/** The title of a notification of `count` events of one type (one group), for one audience. */
export function notificationTitle(type: string, count: number, audience: Audience): string {
  switch (type) {
    case "REPAIR_REQUESTED":
      return plural(count, "A customer requested a repair", "repair requests from a customer");
    case "APPROVAL_REQUIRED":
      return audience === "customer"
        ? `${plural(count, "A repair needs", "repairs need")} your approval`
        : `${plural(count, "A repair waits", "repairs wait")} for approval`;
    case "REPAIR_APPROVED":
      return `${plural(count, "A repair was", "repairs were")} approved`;
    case "REPAIR_DENIED":
      return `${plural(count, "A repair was", "repairs were")} denied`;
    case "REPAIR_ASSIGNED":
      return `${plural(count, "A repair was", "repairs were")} assigned to you`;
    case "REPAIR_STARTED":
      return `Work started on ${plural(count, "a repair", "repairs")}`;
    case "REPAIR_COMPLETED":
      return `${plural(count, "A repair was", "repairs were")} completed`;
    case "REPAIR_INVOICED":
      return "Repairs were invoiced";
    case "LOT_WALK_SCHEDULED":
      return audience === "technician" ? "A lot walk is planned for you" : "A lot walk is planned";
    case "LOT_WALK_COMPLETED":
      return "A lot walk was completed";
    case "INVOICE_ISSUED":
      return `${plural(count, "An invoice was", "invoices were")} issued`;
    case "PAYMENT_RECEIVED":
      return `${plural(count, "A payment was", "payments were")} received`;
    case "PAYMENT_REMINDER":
      return "An invoice is overdue";
    case "WEBHOOK_DISABLED":
      return "A webhook was switched off after failing";
    case "OFFICE_MESSAGE":
      return "A message from the office about your repairs";
    case "UNIT_AT_RISK":
      return `${plural(count, "A unit is", "units are")} at high risk of a repair: inspect soon`;
    case "TRAINING_FLAG_RAISED":
      return audience === "team"
        ? "A technician on your team is flagged for training"
        : "Your quality figures crossed a training threshold";
    case "TRAINING_FLAG_CLEARED":
      return audience === "team"
        ? "A training flag on your team cleared"
        : "Your training flag cleared: the figures recovered";
    case "SURVEY_INVITATION":
      return "How did our work go? Rate it in one click";
    case "SURVEY_REMINDER":
      return "Reminder: how did our work go?";
    default:
      return "Something changed";
  }
}
