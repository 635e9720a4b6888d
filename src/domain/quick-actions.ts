import { DomainError } from "./errors";
import { type DamageTypeName } from "./damage";
import { FIELDS, checkText } from "./form-fields";
import { type Status } from "./status";

// The rules behind a repair card's quick actions that are not a status change: urgency and the
// order it gives queues, parts requests and their life cycle, follow-ups, repair templates, and
// favorite customers. Who may use each action is permissions.ts; claiming ("Assign to Me") and
// creating the follow-up repair go through the transition table.

export type QuickActionRefusedCode =
  | "INVALID_PARTS_REQUEST"
  | "PARTS_REQUEST_CLOSED"
  | "INVALID_FOLLOW_UP"
  | "INVALID_TEMPLATE"
  | "TEMPLATE_NOT_APPLICABLE";

export class QuickActionRefused extends DomainError {
  constructor(
    readonly code: QuickActionRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

// ---- Urgency -------------------------------------------------------------------------------

export type UrgencyFacts = { urgent: boolean; createdAt: Date };

/** Urgent work first, then the oldest first: the order of the manager's queues and assignment lists. */
export function compareByUrgency(a: UrgencyFacts, b: UrgencyFacts): number {
  return Number(b.urgent) - Number(a.urgent) || a.createdAt.getTime() - b.createdAt.getTime();
}

export function sortByUrgency<T extends UrgencyFacts>(items: readonly T[]): T[] {
  return [...items].sort(compareByUrgency);
}

// ---- Parts requests ------------------------------------------------------------------------

export const PARTS_QUANTITY = { min: 1, max: 999 } as const;
export const PARTS_URGENCIES = ["ROUTINE", "URGENT"] as const;
export type PartsUrgency = (typeof PARTS_URGENCIES)[number];
export const PARTS_URGENCY_LABELS: Readonly<Record<PartsUrgency, string>> = {
  ROUTINE: "Routine",
  URGENT: "Urgent",
};

export const PARTS_STATUSES = ["REQUESTED", "ACKNOWLEDGED", "FULFILLED", "CANCELLED"] as const;
export type PartsStatus = (typeof PARTS_STATUSES)[number];
export const PARTS_STATUS_LABELS: Readonly<Record<PartsStatus, string>> = {
  REQUESTED: "Requested",
  ACKNOWLEDGED: "Acknowledged by the office",
  FULFILLED: "Fulfilled",
  CANCELLED: "Cancelled",
};

export type PartsRequestDraft = { item: string; quantity: number; note: string; urgency: PartsUrgency };

/** The request as stored (text normalised), or throws INVALID_PARTS_REQUEST naming the first problem. */
export function checkPartsRequest(draft: PartsRequestDraft): PartsRequestDraft {
  const item = checkText(draft.item, FIELDS.partsItem);
  if (!item.ok) throw new QuickActionRefused("INVALID_PARTS_REQUEST", item.problem);
  if (item.value === "") throw new QuickActionRefused("INVALID_PARTS_REQUEST", "Name the part you need.");
  const note = checkText(draft.note, FIELDS.partsNote);
  if (!note.ok) throw new QuickActionRefused("INVALID_PARTS_REQUEST", note.problem);
  if (!Number.isInteger(draft.quantity) || draft.quantity < PARTS_QUANTITY.min || draft.quantity > PARTS_QUANTITY.max) {
    throw new QuickActionRefused(
      "INVALID_PARTS_REQUEST",
      `Quantity is a whole number from ${PARTS_QUANTITY.min} to ${PARTS_QUANTITY.max}.`,
    );
  }
  if (!PARTS_URGENCIES.includes(draft.urgency)) {
    throw new QuickActionRefused("INVALID_PARTS_REQUEST", "Urgency is routine or urgent.");
  }
  return { item: item.value, quantity: draft.quantity, note: note.value, urgency: draft.urgency };
}

export type PartsStep = "acknowledge" | "fulfil" | "cancel";

const PARTS_STEPS: Readonly<Record<PartsStep, { from: readonly PartsStatus[]; to: PartsStatus }>> = {
  acknowledge: { from: ["REQUESTED"], to: "ACKNOWLEDGED" },
  // The office may hand over a part it had not acknowledged first.
  fulfil: { from: ["REQUESTED", "ACKNOWLEDGED"], to: "FULFILLED" },
  cancel: { from: ["REQUESTED", "ACKNOWLEDGED"], to: "CANCELLED" },
};

/** The status after `step`, or throws PARTS_REQUEST_CLOSED: fulfilled and cancelled requests are final. */
export function nextPartsStatus(from: PartsStatus, step: PartsStep): PartsStatus {
  const rule = PARTS_STEPS[step];
  if (!rule.from.includes(from)) {
    throw new QuickActionRefused(
      "PARTS_REQUEST_CLOSED",
      `A parts request that is ${PARTS_STATUS_LABELS[from].toLowerCase()} cannot be ${step === "fulfil" ? "fulfilled" : `${step}d`}.`,
    );
  }
  return rule.to;
}

// ---- Follow-ups ----------------------------------------------------------------------------

/** Denied or cancelled work left nothing to follow up. */
export const NO_FOLLOW_UP_STATUSES: readonly Status[] = ["DENIED", "CANCELLED"];
/** How far ahead a follow-up may be due. */
export const FOLLOW_UP_MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Throws INVALID_FOLLOW_UP when this repair cannot be followed up on `dueAt`. */
export function assertFollowUp({ originalStatus, dueAt, now }: { originalStatus: Status; dueAt: Date; now: Date }) {
  if (NO_FOLLOW_UP_STATUSES.includes(originalStatus)) {
    throw new QuickActionRefused(
      "INVALID_FOLLOW_UP",
      `A ${originalStatus.toLowerCase()} repair cannot be followed up: capture new work instead.`,
    );
  }
  // A day's grace: a date picked as "today" arrives as that day's midnight.
  if (Number.isNaN(dueAt.getTime()) || dueAt.getTime() < now.getTime() - DAY_MS) {
    throw new QuickActionRefused("INVALID_FOLLOW_UP", "The follow-up's due date is in the past.");
  }
  if (dueAt.getTime() > now.getTime() + FOLLOW_UP_MAX_DAYS * DAY_MS) {
    throw new QuickActionRefused("INVALID_FOLLOW_UP", "A follow-up is due within a year.");
  }
}

// ---- Templates -----------------------------------------------------------------------------

export const TEMPLATE_CHECKLIST_MAX = 20;
/** How many repairs a manager may apply a template to at once. */
export const TEMPLATE_APPLY_MAX = 200;

export type ChecklistItem = { label: string; done: boolean };
export type TemplateFields = {
  name: string;
  damageType: DamageTypeName;
  damagePosition: string | null;
  notes: string;
  checklist: readonly string[];
};

/** The template as stored, or throws INVALID_TEMPLATE naming the first problem. */
export function checkTemplate(template: TemplateFields): TemplateFields {
  const text = (value: string, field: (typeof FIELDS)[keyof typeof FIELDS]) => {
    const checked = checkText(value, field);
    if (!checked.ok) throw new QuickActionRefused("INVALID_TEMPLATE", checked.problem);
    return checked.value;
  };
  const name = text(template.name, FIELDS.templateName);
  if (!name) throw new QuickActionRefused("INVALID_TEMPLATE", "Give the template a name.");
  if (template.checklist.length > TEMPLATE_CHECKLIST_MAX) {
    throw new QuickActionRefused("INVALID_TEMPLATE", `A checklist has at most ${TEMPLATE_CHECKLIST_MAX} items.`);
  }
  const checklist = template.checklist.map((item) => text(item, FIELDS.checklistItem)).filter((item) => item !== "");
  const position = template.damagePosition === null ? "" : text(template.damagePosition, FIELDS.damagePosition);
  return {
    name,
    damageType: template.damageType,
    damagePosition: position === "" ? null : position,
    notes: text(template.notes, FIELDS.technicianNotes),
    checklist,
  };
}

/** The technician's notes with the template's added below them (once), within the field's limit. */
export function withTemplateNotes(own: string, templateNotes: string): string {
  const mine = own.trim();
  const notes =
    !templateNotes || mine.includes(templateNotes) ? mine : mine ? `${mine}\n${templateNotes}` : templateNotes;
  return notes.slice(0, FIELDS.technicianNotes.maxLength);
}

/** Work that is done or ended is history: a template no longer changes it. */
export const TEMPLATE_LOCKED_STATUSES: readonly Status[] = ["COMPLETED", "INVOICED", "CLOSED", "DENIED", "CANCELLED"];

export type TemplateTarget = { status: Status; technicianNotes: string };

/**
 * The repair's fields once `template` is applied: its damage type, its position when it names
 * one, its notes added below the technician's own (once), its checklist unticked.
 * Throws TEMPLATE_NOT_APPLICABLE on finished work.
 */
export function applyTemplate(repair: TemplateTarget, template: TemplateFields) {
  if (TEMPLATE_LOCKED_STATUSES.includes(repair.status)) {
    throw new QuickActionRefused(
      "TEMPLATE_NOT_APPLICABLE",
      `A template cannot change a repair that is ${repair.status.toLowerCase()}.`,
    );
  }
  return {
    damageType: template.damageType,
    ...(template.damagePosition ? { damagePosition: template.damagePosition } : {}),
    technicianNotes: withTemplateNotes(repair.technicianNotes, template.notes),
    checklist: template.checklist.map((label): ChecklistItem => ({ label, done: false })),
  };
}

// ---- Favorite customers --------------------------------------------------------------------

/** Starred customers first, each group in the order given (alphabetical lists stay alphabetical). */
export function favoritesFirst<T extends { id: string }>(customers: readonly T[], favoriteIds: Iterable<string>): T[] {
  const favorites = new Set(favoriteIds);
  return [...customers.filter((c) => favorites.has(c.id)), ...customers.filter((c) => !favorites.has(c.id))];
}
