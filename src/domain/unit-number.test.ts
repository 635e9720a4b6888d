import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeUnitNumber, resolveUnitEntry } from "./unit-number";

const fleet = [
  { unitNumber: "SR-105" },
  { unitNumber: "SR-210" },
  { unitNumber: "VAN 7" },
  { unitNumber: "TR-2100" },
  { unitNumber: "210-B" },
];

describe("one rule for unit numbers", () => {
  it("trims, collapses inner spaces and upper-cases", () => {
    expect(normalizeUnitNumber("  ab-12 ")).toBe("AB-12");
    expect(normalizeUnitNumber("van \t  7")).toBe("VAN 7");
  });

  it("is idempotent and ignores case and surrounding spaces", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeUnitNumber(s);
        expect(normalizeUnitNumber(once)).toBe(once);
        expect(normalizeUnitNumber(` ${s.toLowerCase()} `)).toBe(normalizeUnitNumber(s.toUpperCase()));
      }),
    );
  });
});

describe("what a typed unit number means", () => {
  it("finds a known unit whatever the case, spaces or dash", () => {
    expect(resolveUnitEntry("sr-105", fleet)).toEqual({ kind: "known", unit: fleet[0] });
    expect(resolveUnitEntry("sr105", fleet)).toEqual({ kind: "known", unit: fleet[0] });
    expect(resolveUnitEntry("van  7", fleet)).toEqual({ kind: "known", unit: fleet[2] });
  });

  it("resolves a unique end or beginning to that unit: 105 is SR-105", () => {
    expect(resolveUnitEntry("105", fleet)).toEqual({ kind: "match", unit: fleet[0], typed: "105" });
  });

  it("lets the technician choose when several units match at either end (not in the middle: TR-2100)", () => {
    expect(resolveUnitEntry("210", fleet)).toEqual({
      kind: "ambiguous",
      candidates: [fleet[1], fleet[4]],
      typed: "210",
    });
  });

  it("calls anything else a new unit, and a lone character never matches part of a number", () => {
    expect(resolveUnitEntry("999", fleet)).toEqual({ kind: "new", typed: "999" });
    expect(resolveUnitEntry("5", fleet)).toEqual({ kind: "new", typed: "5" });
    expect(resolveUnitEntry("  ", fleet)).toEqual({ kind: "empty" });
  });

  it("always resolves a known number to itself", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fleet), (unit) => {
        expect(resolveUnitEntry(unit.unitNumber.toLowerCase(), fleet)).toEqual({ kind: "known", unit });
      }),
    );
  });
});

describe("every spelling of one number is one unit", () => {
  // Letters, digits, dashes and spaces as people type them, in any case and spacing.
  const typed = fc.stringMatching(/^[ a-zA-Z0-9éÉ-]{0,20}$/);

  it("agrees exactly when two spellings differ only by case, outer spaces or runs of spaces", () => {
    fc.assert(
      fc.property(typed, fc.boolean(), fc.nat(3), (s, lower, pad) => {
        const variant = ` ${" ".repeat(pad)}${(lower ? s.toLowerCase() : s.toUpperCase()).replace(/ /g, "  ")}`;
        expect(normalizeUnitNumber(variant)).toBe(normalizeUnitNumber(s));
      }),
    );
  });

  it("keeps what tells two vehicles apart: letters, digits, dashes, single inner spaces", () => {
    fc.assert(
      fc.property(typed, typed, (a, b) => {
        const canonical = (s: string) => s.trim().replace(/ +/g, " ").toUpperCase();
        expect(normalizeUnitNumber(a) === normalizeUnitNumber(b)).toBe(canonical(a) === canonical(b));
      }),
    );
  });

  it("never holds outer spaces, double spaces or lower-case ASCII (what the database checks)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(normalizeUnitNumber(s)).not.toMatch(/^ | $| {2}|[a-z]/);
      }),
    );
  });
});
