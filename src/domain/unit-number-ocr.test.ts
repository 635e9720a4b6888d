import { describe, expect, it } from "vitest";
import { suggestUnitFromOcr, unitNumberCandidates } from "./unit-number-ocr";

const units = [{ unitNumber: "SR-105" }, { unitNumber: "SR-205" }, { unitNumber: "BUS 17" }, { unitNumber: "4521" }];

describe("reading a painted unit number", () => {
  it("proposes the known unit a clean read names", () => {
    expect(suggestUnitFromOcr("SR-105\n", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "SR-105" } });
    expect(suggestUnitFromOcr("bus 17", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "BUS 17" } });
    expect(suggestUnitFromOcr("SR105", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "SR-105" } });
  });

  it("finds the number among other painted words and stray marks", () => {
    expect(suggestUnitFromOcr("ACME FLEET\n| 4521 |\n", units)).toMatchObject({
      kind: "unit",
      unit: { unitNumber: "4521" },
      read: "4521",
    });
  });

  it("reads look-alike letters as the digits a known unit has", () => {
    expect(suggestUnitFromOcr("SR-1O5", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "SR-105" } });
    expect(suggestUnitFromOcr("452l", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "4521" } });
  });

  it("a part of a number proposes its unit like typing does, never over a whole number", () => {
    expect(suggestUnitFromOcr("105", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "SR-105" } });
    expect(suggestUnitFromOcr("05\nSR-205", units)).toMatchObject({ kind: "unit", unit: { unitNumber: "SR-205" } });
  });

  it("several units fitting one read are a choice, not a guess", () => {
    expect(suggestUnitFromOcr("SR", units)).toEqual({ kind: "nothing" });
    const both = suggestUnitFromOcr("5", [{ unitNumber: "A5" }, { unitNumber: "B5" }]);
    expect(both).toEqual({ kind: "nothing" }); // a single character is never a number
    expect(suggestUnitFromOcr("12", [{ unitNumber: "A12" }, { unitNumber: "B12" }])).toMatchObject({
      kind: "choose",
      candidates: [{ unitNumber: "A12" }, { unitNumber: "B12" }],
    });
  });

  it("an unknown number is offered as text only", () => {
    expect(suggestUnitFromOcr("TR-460", units)).toEqual({ kind: "new", read: "TR-460" });
  });

  it("nothing, blur and garbage propose nothing", () => {
    for (const text of [
      "",
      "   \n",
      "~~ ;; ''",
      "ACME FLEET SERVICES",
      "\u0000\u0001",
      "x".repeat(500),
      "A 2 3 0\n3 - - 3",
    ])
      expect(suggestUnitFromOcr(text, units)).toEqual({ kind: "nothing" });
  });

  it("keeps candidates short and distinct", () => {
    expect(unitNumberCandidates("T-88  T-88\nT-88")).toEqual(["T-88 T-88", "T-88"]);
    expect(unitNumberCandidates("FLEET BUS 17 X")).toEqual(["BUS 17", "17"]);
    expect(unitNumberCandidates(`${"9".repeat(30)} 12`)).toEqual(["12"]);
    expect(unitNumberCandidates(Array.from({ length: 200 }, (_, i) => `A${i}`).join("\n")).length).toBe(40);
  });
});
