import { describe, expect, it } from "vitest";
import {
  COMPLETION_CHECKLIST_MAX,
  ChecklistRefused,
  checkCompletionChecklist,
  checklistItemsOf,
  confirmChecklist,
  confirmedChecklistOf,
  completionItemsFor,
  missingChecklistItems,
  templateChecklistDone,
  templateChecklistOf,
} from "./completion-checklist";

const required = ["Resin cured under UV", "Pit filled and polished", "Customer shown the result"];
const at = new Date("2026-05-04T10:00:00Z");
const ticked = (items: readonly string[], confirmedAt = at) => items.map((item) => ({ item, confirmedAt }));

function refusal(run: () => unknown): ChecklistRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof ChecklistRefused) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("checkCompletionChecklist", () => {
  it("normalises the items and drops blank lines, keeping the order", () => {
    expect(checkCompletionChecklist(["  Resin cured under UV ", "", "Cafe\u0301 test"])).toEqual([
      "Resin cured under UV",
      "Café test",
    ]);
    expect(checkCompletionChecklist([])).toEqual([]);
  });

  it("refuses more than 12 items, an item over 120 characters, a control character, a repeat", () => {
    const many = Array.from({ length: COMPLETION_CHECKLIST_MAX + 1 }, (_, i) => `Step ${i}`);
    expect(refusal(() => checkCompletionChecklist(many)).code).toBe("INVALID_CHECKLIST");
    expect(checkCompletionChecklist(many.slice(0, COMPLETION_CHECKLIST_MAX))).toHaveLength(12);
    expect(refusal(() => checkCompletionChecklist(["x".repeat(121)])).message).toMatch(/at most 120/);
    expect(checkCompletionChecklist(["x".repeat(120)])).toHaveLength(1);
    expect(refusal(() => checkCompletionChecklist(["a\tb"])).code).toBe("INVALID_CHECKLIST");
    expect(refusal(() => checkCompletionChecklist(["Polish", " Polish"])).message).toMatch(/twice/);
  });
});

describe("confirmChecklist", () => {
  it("accepts a completion that confirms every item, stored with when it was confirmed", () => {
    expect(confirmChecklist(required, ticked([...required].reverse()))).toEqual([
      { item: "Customer shown the result", confirmedAt: at },
      { item: "Pit filled and polished", confirmedAt: at },
      { item: "Resin cured under UV", confirmedAt: at },
    ]);
  });

  it("accepts anything when the customer requires no checklist", () => {
    expect(confirmChecklist([], [])).toEqual([]);
  });

  it("refuses a completion that misses an item, naming it", () => {
    const refused = refusal(() => confirmChecklist(required, ticked(required.slice(0, 2))));
    expect(refused.code).toBe("CHECKLIST_INCOMPLETE");
    expect(refused.missing).toEqual(["Customer shown the result"]);
    expect(refused.message).toContain('"Customer shown the result"');
    expect(refusal(() => confirmChecklist(required, [])).missing).toEqual(required);
  });

  it("compares texts as stored: spacing and composition do not matter, wording does", () => {
    expect(missingChecklistItems(["Café"], [" Cafe\u0301 "])).toEqual([]);
    expect(missingChecklistItems(["Resin cured under UV"], ["Resin cured"])).toEqual(["Resin cured under UV"]);
  });

  it("keeps items the device confirmed that the admin removed since, and each item once", () => {
    const later = new Date("2026-05-04T10:05:00Z");
    const stored = confirmChecklist(["Polish"], [...ticked(["Polish", "Old step"]), ...ticked(["Polish"], later)]);
    expect(stored).toEqual([
      { item: "Polish", confirmedAt: at },
      { item: "Old step", confirmedAt: at },
    ]);
  });

  it("refuses when the admin added an item after the device was prepared", () => {
    const refused = refusal(() => confirmChecklist([...required, "Photo of the sticker"], ticked(required)));
    expect(refused.missing).toEqual(["Photo of the sticker"]);
    expect(refused.message).toMatch(/changed since this phone was prepared/);
  });
});

describe("stored forms", () => {
  it("reads what the columns hold, ignoring anything malformed", () => {
    expect(checklistItemsOf(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(checklistItemsOf({})).toEqual([]);
    expect(confirmedChecklistOf([{ item: "a", confirmedAt: "2026-01-01T00:00:00.000Z" }, { item: 2 }, null])).toEqual([
      { item: "a", confirmedAt: "2026-01-01T00:00:00.000Z" },
    ]);
    expect(confirmedChecklistOf(null)).toEqual([]);
  });
});

describe("the combined completion list", () => {
  it("is the customer's items then the template's, each once, compared as confirmations are", () => {
    expect(completionItemsFor(required, ["Glass cleaned", " Resin cured under UV ", "", "Glass cleaned"])).toEqual([
      ...required,
      "Glass cleaned",
    ]);
    expect(completionItemsFor([], ["Glass cleaned"])).toEqual(["Glass cleaned"]);
    expect(completionItemsFor(required, [])).toEqual(required);
  });

  it("reads a template's checklist as stored on a repair ({ label, done }), plain strings too; anything else as empty", () => {
    expect(templateChecklistOf([{ label: "Glass cleaned", done: false }, "Tape removed", { done: true }, 3])).toEqual([
      "Glass cleaned",
      "Tape removed",
    ]);
    expect(templateChecklistOf(null)).toEqual([]);
    expect(templateChecklistOf({ label: "x" })).toEqual([]);
  });

  it("ticks the template's items the completion confirmed", () => {
    expect(templateChecklistDone(["Glass cleaned", "Tape removed"], [{ item: " Glass cleaned " }])).toEqual([
      { label: "Glass cleaned", done: true },
      { label: "Tape removed", done: false },
    ]);
  });
});
