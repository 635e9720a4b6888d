import { DomainError } from "./errors";
import { FIELDS, checkText, normalizeText } from "./form-fields";
import { TEMPLATE_CHECKLIST_MAX } from "./quick-actions";

// A customer may require a short checklist confirmed on every completion of its repairs (resin
// cured, pit polished, result shown). The admin keeps the list in the fleet settings; the phone
// shows it on the work screen; the server refuses a completion that does not confirm every item.
//
// Items are compared by their text as the device showed them. The list checked is the one the
// customer requires *at completion*, like the price frozen then: an item the admin added or
// reworded after the phone was prepared is not confirmed by it, and the completion is refused
// naming that item (the technician prepares again, ticks it and completes once more). Items the
// device confirmed that the admin has since removed are kept in the record: they were done.

export const COMPLETION_CHECKLIST_MAX = 12;

export type ChecklistRefusedCode = "INVALID_CHECKLIST" | "CHECKLIST_INCOMPLETE";

export class ChecklistRefused extends DomainError {
  constructor(
    readonly code: ChecklistRefusedCode,
    message: string,
    /** CHECKLIST_INCOMPLETE: the required items the completion did not confirm, in the list's order. */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
  }
}

/** One confirmed item as stored with the completion. */
export type ConfirmedChecklistItem = { item: string; confirmedAt: Date };

/** The checklist as stored: each item checked and normalised, blank lines dropped. Throws INVALID_CHECKLIST. */
export function checkCompletionChecklist(items: readonly string[]): string[] {
  const checked: string[] = [];
  for (const raw of items) {
    const text = checkText(raw, FIELDS.completionItem);
    if (!text.ok) throw new ChecklistRefused("INVALID_CHECKLIST", text.problem);
    if (text.value === "") continue;
    if (checked.includes(text.value))
      throw new ChecklistRefused("INVALID_CHECKLIST", `"${text.value}" is in the checklist twice.`);
    checked.push(text.value);
  }
  if (checked.length > COMPLETION_CHECKLIST_MAX) {
    throw new ChecklistRefused(
      "INVALID_CHECKLIST",
      `A completion checklist has at most ${COMPLETION_CHECKLIST_MAX} items.`,
    );
  }
  return checked;
}

const key = (item: string) => normalizeText(item, "line");

/** The required items the confirmed ones do not cover, in the checklist's order. */
export function missingChecklistItems(required: readonly string[], confirmed: readonly string[]): string[] {
  const done = new Set(confirmed.map(key));
  return required.filter((item) => !done.has(key(item)));
}

/**
 * What the completion stores: every confirmed item once (its first confirmation), in the order
 * the device confirmed them. Throws CHECKLIST_INCOMPLETE naming the required items it misses.
 */
export function confirmChecklist(
  required: readonly string[],
  confirmed: readonly ConfirmedChecklistItem[],
): ConfirmedChecklistItem[] {
  const missing = missingChecklistItems(
    required,
    confirmed.map((c) => c.item),
  );
  if (missing.length > 0) {
    const list = missing.map((m) => `"${m}"`).join(", ");
    throw new ChecklistRefused(
      "CHECKLIST_INCOMPLETE",
      missing.length === required.length
        ? `This customer requires its completion checklist: confirm ${list}.`
        : `Confirm every item of the customer's checklist before completing (it may have changed since this phone was prepared): ${list}.`,
      missing,
    );
  }
  const seen = new Set<string>();
  const items: ConfirmedChecklistItem[] = [];
  for (const { item, confirmedAt } of confirmed) {
    const text = key(item);
    if (text === "" || seen.has(text)) continue;
    seen.add(text);
    items.push({ item: text, confirmedAt });
  }
  return items;
}

/** A stored list of strings (the customer's checklist column); anything else reads as empty. */
export function checklistItemsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The most items one completion confirms: the customer's list and a template's. */
export const COMBINED_CHECKLIST_MAX = COMPLETION_CHECKLIST_MAX + TEMPLATE_CHECKLIST_MAX;

/**
 * The labels of the checklist a template left on a repair (the repair's `checklist` column:
 * `{ label, done }` items; plain strings are read too). Anything else reads as empty.
 */
export function templateChecklistOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    if (typeof v === "string") return [v];
    if (v !== null && typeof v === "object" && typeof (v as { label?: unknown }).label === "string")
      return [(v as { label: string }).label];
    return [];
  });
}

/**
 * The one list a completion confirms: the customer's required items, then the items of the
 * template the repair was captured with, then the steps the admin requires for its damage type,
 * each once (compared as confirmChecklist compares them). All are required.
 */
export function completionItemsFor(
  customerItems: readonly string[],
  templateItems: readonly string[],
  damageTypeSteps: readonly string[] = [],
): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of [...customerItems, ...templateItems, ...damageTypeSteps]) {
    const text = key(raw);
    if (text === "" || seen.has(text)) continue;
    seen.add(text);
    items.push(text);
  }
  return items;
}

/**
 * The template's checklist as stored on the repair once the completion confirmed its items:
 * each confirmed item `done`. The confirmations themselves are in the completion checklist.
 */
export function templateChecklistDone(
  templateItems: readonly string[],
  confirmed: readonly Pick<ConfirmedChecklistItem, "item">[],
): Array<{ label: string; done: boolean }> {
  const done = new Set(confirmed.map((c) => key(c.item)));
  return templateItems.map((label) => ({ label, done: done.has(key(label)) }));
}

/** A stored confirmed checklist (the repair's column); malformed entries are skipped. */
export function confirmedChecklistOf(value: unknown): Array<{ item: string; confirmedAt: string }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    if (v === null || typeof v !== "object") return [];
    const { item, confirmedAt } = v as Record<string, unknown>;
    return typeof item === "string" && typeof confirmedAt === "string" ? [{ item, confirmedAt }] : [];
  });
}
