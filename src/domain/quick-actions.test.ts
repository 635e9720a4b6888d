import { describe, expect, it } from "vitest";
import {
  applyTemplate,
  assertFollowUp,
  checkPartsRequest,
  checkTemplate,
  favoritesFirst,
  nextPartsStatus,
  sortByUrgency,
} from "./quick-actions";

const at = (iso: string) => new Date(iso);

describe("urgency ordering", () => {
  it("puts urgent work first, each group oldest first", () => {
    const items = [
      { id: "old", urgent: false, createdAt: at("2026-01-01") },
      { id: "new-urgent", urgent: true, createdAt: at("2026-03-01") },
      { id: "newer", urgent: false, createdAt: at("2026-02-01") },
      { id: "old-urgent", urgent: true, createdAt: at("2026-01-15") },
    ];
    expect(sortByUrgency(items).map((i) => i.id)).toEqual(["old-urgent", "new-urgent", "old", "newer"]);
    expect(items[0]!.id).toBe("old"); // the input is left alone
  });
});

describe("parts requests", () => {
  const draft = { item: "  Resin, low viscosity ", quantity: 2, note: "", urgency: "ROUTINE" as const };

  it("accepts 1 to 999 of a named part, trimmed", () => {
    expect(checkPartsRequest(draft)).toEqual({ ...draft, item: "Resin, low viscosity" });
    expect(checkPartsRequest({ ...draft, quantity: 1 }).quantity).toBe(1);
    expect(checkPartsRequest({ ...draft, quantity: 999 }).quantity).toBe(999);
  });

  it.each([0, 10_000, 1000, -1, 2.5, Number.NaN])("refuses quantity %s clearly", (quantity) => {
    expect(() => checkPartsRequest({ ...draft, quantity })).toThrow(
      expect.objectContaining({ code: "INVALID_PARTS_REQUEST", message: "Quantity is a whole number from 1 to 999." }),
    );
  });

  it("refuses an empty item, an item over its limit, a control character in the note", () => {
    expect(() => checkPartsRequest({ ...draft, item: "   " })).toThrow("Name the part you need.");
    expect(() => checkPartsRequest({ ...draft, item: "x".repeat(201) })).toThrow("Part has at most 200 characters.");
    expect(() => checkPartsRequest({ ...draft, note: "a\u0007b" })).toThrow(/Note contains a control character/);
    expect(() => checkPartsRequest({ ...draft, urgency: "NOW" as never })).toThrow(/routine or urgent/);
  });

  it("moves REQUESTED -> ACKNOWLEDGED -> FULFILLED, or to CANCELLED; final states stay", () => {
    expect(nextPartsStatus("REQUESTED", "acknowledge")).toBe("ACKNOWLEDGED");
    expect(nextPartsStatus("ACKNOWLEDGED", "fulfil")).toBe("FULFILLED");
    expect(nextPartsStatus("REQUESTED", "fulfil")).toBe("FULFILLED");
    expect(nextPartsStatus("ACKNOWLEDGED", "cancel")).toBe("CANCELLED");
    expect(() => nextPartsStatus("ACKNOWLEDGED", "acknowledge")).toThrow(
      expect.objectContaining({ code: "PARTS_REQUEST_CLOSED" }),
    );
    for (const step of ["acknowledge", "fulfil", "cancel"] as const) {
      expect(() => nextPartsStatus("FULFILLED", step)).toThrow(
        expect.objectContaining({ code: "PARTS_REQUEST_CLOSED" }),
      );
      expect(() => nextPartsStatus("CANCELLED", step)).toThrow(
        expect.objectContaining({ code: "PARTS_REQUEST_CLOSED" }),
      );
    }
  });
});

describe("follow-ups", () => {
  const now = at("2026-06-10T12:00:00Z");
  it("accepts a due date from today to a year ahead", () => {
    expect(() => assertFollowUp({ originalStatus: "COMPLETED", dueAt: at("2026-06-10T00:00:00Z"), now })).not.toThrow();
    expect(() => assertFollowUp({ originalStatus: "IN_PROGRESS", dueAt: at("2027-06-01"), now })).not.toThrow();
  });
  it("refuses a past or far due date, and denied or cancelled work", () => {
    const refused = expect.objectContaining({ code: "INVALID_FOLLOW_UP" });
    expect(() => assertFollowUp({ originalStatus: "COMPLETED", dueAt: at("2026-06-01"), now })).toThrow(refused);
    expect(() => assertFollowUp({ originalStatus: "COMPLETED", dueAt: at("2027-07-01"), now })).toThrow(refused);
    expect(() => assertFollowUp({ originalStatus: "DENIED", dueAt: at("2026-06-20"), now })).toThrow(refused);
    expect(() => assertFollowUp({ originalStatus: "CANCELLED", dueAt: at("2026-06-20"), now })).toThrow(refused);
  });
});

describe("templates", () => {
  const template = checkTemplate({
    name: " Driver-side chip ",
    damageType: "CHIP",
    damagePosition: "Driver side, lower",
    notes: "Drill before resin.",
    checklist: ["Clean glass", " ", "Cure 5 min"],
  });

  it("normalises its text and drops empty checklist lines", () => {
    expect(template).toEqual({
      name: "Driver-side chip",
      damageType: "CHIP",
      damagePosition: "Driver side, lower",
      notes: "Drill before resin.",
      checklist: ["Clean glass", "Cure 5 min"],
    });
  });

  it("refuses a nameless template, too many checklist items, a control character", () => {
    const refused = expect.objectContaining({ code: "INVALID_TEMPLATE" });
    expect(() => checkTemplate({ ...template, name: "" })).toThrow(refused);
    expect(() => checkTemplate({ ...template, checklist: Array.from({ length: 21 }, (_, i) => `step ${i}`) })).toThrow(
      refused,
    );
    expect(() => checkTemplate({ ...template, checklist: ["a\tb"] })).toThrow(refused);
  });

  it("writes damage, position, notes once and an unticked checklist onto open work", () => {
    const fields = applyTemplate({ status: "ASSIGNED", technicianNotes: "Customer waiting" }, template);
    expect(fields).toEqual({
      damageType: "CHIP",
      damagePosition: "Driver side, lower",
      technicianNotes: "Customer waiting\nDrill before resin.",
      checklist: [
        { label: "Clean glass", done: false },
        { label: "Cure 5 min", done: false },
      ],
    });
    const again = applyTemplate({ status: "ASSIGNED", technicianNotes: fields.technicianNotes }, template);
    expect(again.technicianNotes).toBe(fields.technicianNotes);
    expect(
      applyTemplate({ status: "APPROVED", technicianNotes: "" }, { ...template, damagePosition: null }),
    ).not.toHaveProperty("damagePosition");
  });

  it.each(["COMPLETED", "INVOICED", "CLOSED", "DENIED", "CANCELLED"] as const)("leaves %s work alone", (status) => {
    expect(() => applyTemplate({ status, technicianNotes: "" }, template)).toThrow(
      expect.objectContaining({ code: "TEMPLATE_NOT_APPLICABLE" }),
    );
  });
});

describe("favorite customers", () => {
  it("come first, each group keeping its order", () => {
    const list = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
    expect(favoritesFirst(list, ["d", "b"]).map((c) => c.id)).toEqual(["b", "d", "a", "c"]);
    expect(favoritesFirst(list, []).map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
  });
});
