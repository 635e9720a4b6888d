import { EVENT_LABELS, type EventType } from "./events";

// The email a notification becomes: subject, plain text and HTML for every event type. Text a
// customer or a user typed (unit numbers, notes, names, the sender's own words) goes into the
// HTML only through escapeHtml, so a note such as "<script>" is shown, never run.

/** One line of a notification: a walk's message lists every unit of the walk. */
export type NotificationItem = { unitNumber: string; detail?: string | null };

export type EmailContent = {
  type: EventType;
  /** The recipient's name, for the greeting. */
  recipientName: string;
  customerName: string | null;
  items: readonly NotificationItem[];
  /** Absolute link to the screen the message is about. */
  url: string;
  /** Absolute one-click unsubscribe link (List-Unsubscribe). */
  unsubscribeUrl: string;
  /** A manager's mass notification: the message itself. */
  message?: string | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Subject lines stay on one line, whatever the customer's name holds. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}

const ACTIONS: Record<EventType, { lead: string; button: string }> = {
  REPAIR_CREATED: { lead: "A repair was recorded", button: "Open the repair" },
  REPAIR_REQUESTED: { lead: "A customer asked for a repair", button: "Open the queue" },
  REPAIR_ASSIGNED: { lead: "Work was assigned to you", button: "Open your work" },
  REPAIR_STARTED: { lead: "Work started", button: "See the status" },
  REPAIR_COMPLETED: { lead: "Work is completed", button: "See the repair" },
  REPAIR_APPROVED: { lead: "A repair was approved", button: "Open the queue" },
  REPAIR_DENIED: { lead: "A repair was denied", button: "Open the queue" },
  REPAIR_INVOICED: { lead: "Repairs were invoiced", button: "See the invoice" },
  APPROVAL_REQUIRED: { lead: "Repairs are waiting for your approval", button: "Review and approve" },
  LOT_WALK_SCHEDULED: { lead: "A lot walk is scheduled", button: "See the walk" },
  LOT_WALK_COMPLETED: { lead: "A lot walk is completed", button: "See the walk" },
  INVOICE_ISSUED: { lead: "An invoice was issued", button: "See the invoice" },
  PAYMENT_RECEIVED: { lead: "A payment was received", button: "See the invoice" },
  PAYMENT_REMINDER: { lead: "An invoice is overdue", button: "See the invoice" },
  WEBHOOK_DISABLED: { lead: "A webhook was switched off after failing again and again", button: "See its deliveries" },
  OFFICE_MESSAGE: { lead: "A message from the office about your repairs", button: "See your repairs" },
  UNIT_AT_RISK: { lead: "A unit is likely to need a repair soon", button: "See the units at risk" },
  TRAINING_FLAG_RAISED: { lead: "Quality figures crossed a training threshold", button: "See the figures" },
  TRAINING_FLAG_CLEARED: { lead: "A training flag cleared: the figures recovered", button: "See the figures" },
  SURVEY_INVITATION: {
    lead: "How did our work go? Rate it from 1 to 5 stars (no login; the link works once)",
    button: "Rate our work",
  },
  SURVEY_REMINDER: {
    lead: "A reminder: how did our work go? Rate it from 1 to 5 stars (no login; the link works once)",
    button: "Rate our work",
  },
};

export function emailSubject(content: Pick<EmailContent, "type" | "customerName" | "items" | "message">): string {
  const who = content.customerName ? `${oneLine(content.customerName)}: ` : "";
  if (content.message) return oneLine(`${who}a message about your repairs`);
  const count = content.items.length;
  const units = count > 1 ? ` (${count} units)` : count === 1 ? ` (unit ${oneLine(content.items[0]!.unitNumber)})` : "";
  return `${who}${EVENT_LABELS[content.type]}${units}`;
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const action = ACTIONS[content.type];
  const lead = content.message ? "A message from the office about your repairs" : action.lead;
  const lines = content.items.map((item) => (item.detail ? `${item.unitNumber}: ${item.detail}` : item.unitNumber));

  const text = [
    `Hello ${content.recipientName},`,
    "",
    content.customerName ? `${lead} (${content.customerName}).` : `${lead}.`,
    ...(content.message ? ["", content.message] : []),
    ...(lines.length > 0 ? ["", ...lines.map((line) => `- unit ${line}`)] : []),
    "",
    `${action.button}: ${content.url}`,
    "",
    `Stop these emails: ${content.unsubscribeUrl}`,
  ].join("\n");

  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    '<html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>Hello ${e(content.recipientName)},</p>`,
    `<p>${e(lead)}${content.customerName ? ` (${e(content.customerName)})` : ""}.</p>`,
    ...(content.message ? [`<p style="white-space:pre-wrap">${e(content.message)}</p>`] : []),
    ...(content.items.length > 0
      ? [
          "<ul>",
          ...content.items.map(
            (item) => `<li>Unit <strong>${e(item.unitNumber)}</strong>${item.detail ? `: ${e(item.detail)}` : ""}</li>`,
          ),
          "</ul>",
        ]
      : []),
    `<p><a href="${e(content.url)}">${e(action.button)}</a></p>`,
    `<p style="font-size:small;color:#666"><a href="${e(content.unsubscribeUrl)}">Stop these emails</a></p>`,
    "</body></html>",
  ].join("\n");

  return { subject: emailSubject(content), text, html };
}

/** The headers of a one-click unsubscribe (RFC 8058): mail clients show an Unsubscribe button. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** One line of a digest: what happened, how often, for whom, and where to see it. */
export type DigestSection = { type: EventType; count: number; customerName: string | null; url: string };

export type DigestContent = {
  recipientName: string;
  /** "daily", "hourly", "weekly". */
  frequency: string;
  sections: readonly DigestSection[];
  unsubscribeUrl: string;
};

const PERIOD_WORDS: Record<string, string> = { hourly: "this hour", daily: "today", weekly: "this week" };

/** A digest: the period's notifications gathered into one mail, one line per kind of news. */
export function renderDigest(content: DigestContent): RenderedEmail {
  const period = PERIOD_WORDS[content.frequency] ?? "lately";
  const total = content.sections.reduce((sum, s) => sum + s.count, 0);
  const subject = `Your summary: ${total} ${total === 1 ? "update" : "updates"} ${period}`;
  const line = (s: DigestSection) =>
    `${EVENT_LABELS[s.type]}${s.customerName ? ` (${oneLine(s.customerName)})` : ""}${s.count > 1 ? ` x${s.count}` : ""}`;
  const text = [
    `Hello ${content.recipientName},`,
    "",
    `What happened ${period}:`,
    "",
    ...content.sections.map((s) => `- ${line(s)}: ${s.url}`),
    "",
    `Stop these emails: ${content.unsubscribeUrl}`,
  ].join("\n");
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    '<html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>Hello ${e(content.recipientName)},</p>`,
    `<p>What happened ${e(period)}:</p>`,
    "<ul>",
    ...content.sections.map((s) => `<li><a href="${e(s.url)}">${e(line(s))}</a></li>`),
    "</ul>",
    `<p style="font-size:small;color:#666"><a href="${e(content.unsubscribeUrl)}">Stop these emails</a></p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
