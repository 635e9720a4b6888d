import { describe, expect, it } from "vitest";
import { FIELDS, INT4_MAX, checkText, firstTextProblem, normalizeText, textProblem } from "./form-fields";

describe("text rules", () => {
  it("stores the same letters typed two ways as one value (NFC)", () => {
    expect(normalizeText("CAFE\u0301-1", "identifier")).toBe("CAF\u00c9-1");
    expect(checkText("  CAFE\u0301-1 ", FIELDS.unitNumber)).toEqual({ ok: true, value: "CAF\u00c9-1" });
  });

  it("trims, and ends the lines of multi-line text with \\n", () => {
    expect(normalizeText("  driver side ", "line")).toBe("driver side");
    expect(normalizeText("  a\r\nb\rc\r\n", "multiline")).toBe("a\nb\nc");
  });

  it.each(["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f"])("refuses the control %j everywhere", (c) => {
    for (const kind of ["identifier", "line", "multiline"] as const)
      expect(textProblem(`a${c}b`, kind)).toMatch(/control character/);
  });

  it("allows new lines and tabs only in multi-line text", () => {
    expect(textProblem("line 1\n\tline 2", "multiline")).toBeNull();
    expect(textProblem("a\nb", "line")).toMatch(/control character/);
    expect(textProblem("a\tb", "identifier")).toMatch(/control character/);
  });

  it.each(["\ud800", "\udfff", "a\ud83d", "\ude00b"])("refuses the lone surrogate in %j", (text) => {
    for (const kind of ["identifier", "line", "multiline"] as const)
      expect(textProblem(text, kind)).toMatch(/broken character/);
  });

  it("accepts whole characters beyond the first plane, accents and other scripts", () => {
    expect(textProblem("chip \ud83d\ude97 near the wiper", "multiline")).toBeNull();
    expect(textProblem("Zoë Ångström", "identifier")).toBeNull();
    expect(textProblem("Дмитрий 李 محمد", "identifier")).toBeNull();
  });

  it.each([
    ["right-to-left override", "\u202e001-A"],
    ["left-to-right override", "A\u202d-100"],
    ["right-to-left mark", "A-100\u200f"],
    ["right-to-left isolate", "A\u2067-100"],
    ["zero-width space", "A\u200b-100"],
    ["zero-width joiner", "A\u200d-100"],
    ["word joiner", "A\u2060-100"],
    ["byte order mark", "\ufeffA-100"],
    ["soft hyphen", "A\u00ad-100"],
    ["no-break space", "A\u00a0100"],
    ["ideographic space", "A\u3000100"],
    ["Hangul filler", "A\u3164100"],
    ["line separator", "A\u2028100"],
    ["private-use character", "A\ue000100"],
    ["tag character", "A\udb40\udc41100"],
  ])("refuses a %s in an identifier, not in free text", (_, text) => {
    expect(textProblem(text, "identifier")).toMatch(/invisible or direction-changing/);
    if (!/[\u2028\u2029]/.test(text)) expect(textProblem(text, "multiline")).toBeNull();
  });

  it("counts the length after normalisation and names the field", () => {
    expect(checkText("x".repeat(50), FIELDS.unitNumber)).toMatchObject({ ok: true });
    expect(checkText("x".repeat(51), FIELDS.unitNumber)).toEqual({
      ok: false,
      problem: "Unit number has at most 50 characters.",
    });
    expect(checkText("E\u0301".repeat(50), FIELDS.unitNumber)).toMatchObject({ ok: true });
    expect(checkText("A\u0000", FIELDS.unitNumber)).toEqual({
      ok: false,
      problem: "Unit number contains a control character (a new line or tab, for instance).",
    });
  });

  it("names the first field refused among several, skipping absent ones", () => {
    expect(firstTextProblem({ unitNumber: "A-1", damagePosition: undefined, customerNotes: null })).toBeNull();
    expect(firstTextProblem({ unitNumber: "A-1", technicianNotes: "a\u0000", customerNotes: "\ud800" })).toMatch(
      /^Technician notes contains a control character/,
    );
  });

  it("gives every field a label, a positive limit and a kind", () => {
    for (const spec of Object.values(FIELDS)) {
      expect(spec.label).not.toBe("");
      expect(spec.maxLength).toBeGreaterThan(0);
      expect(["identifier", "line", "multiline"]).toContain(spec.kind);
    }
    expect(INT4_MAX).toBe(2 ** 31 - 1);
  });

  it("stores a unit number in the one spelling every path uses (normalizeUnitNumber)", () => {
    expect(checkText("  ab  12 ", FIELDS.unitNumber)).toEqual({ ok: true, value: "AB 12" });
    expect(checkText("A\t12", FIELDS.unitNumber)).toMatchObject({ ok: false, problem: /control character/ });
    expect(checkText("é".repeat(50), FIELDS.unitNumber)).toEqual({ ok: true, value: "É".repeat(50) });
    // The length is the stored one's: "ß" upper-cases to "SS".
    expect(checkText("ß".repeat(26), FIELDS.unitNumber)).toEqual({
      ok: false,
      problem: "Unit number has at most 50 characters.",
    });
  });
});
