import { describe, expect, it } from "vitest";
import { matchScannedCode } from "./scan-match";

const units = [
  { id: "a", unitNumber: "SR-105", assetTag: "FLT-00105", vin: "1FTFW1E51NFA00001" },
  { id: "b", unitNumber: "SR-106", assetTag: null, vin: "1M8GDM9A1KP042788" }, // stored before checks: matches as is
  { id: "c", unitNumber: "T-7", assetTag: "FLT-00007", vin: null },
];

describe("a scanned code among the customer's units", () => {
  it("finds a unit by its asset tag, whatever the case or spaces on the sticker", () => {
    expect(matchScannedCode(" flt-00105 ", units, 2026)).toEqual({ kind: "unit", unit: units[0], by: "asset tag" });
    expect(matchScannedCode("FLT-00007\n", units, 2026)).toMatchObject({ unit: units[2], by: "asset tag" });
  });

  it("finds a unit by its VIN, with the door label's leading I", () => {
    expect(matchScannedCode("I1FTFW1E51NFA00001", units, 2026)).toMatchObject({ unit: units[0], by: "VIN" });
    expect(matchScannedCode("1M8GDM9A1KP042788", units, 2026)).toMatchObject({ unit: units[1], by: "VIN" });
  });

  it("offers a new vehicle for an unknown VIN with a right check digit, prefilled from it", () => {
    expect(matchScannedCode("3C6UR5DL8KG512345", units, 2026)).toEqual({
      kind: "new-vehicle",
      facts: { vin: "3C6UR5DL8KG512345", year: 2019, make: "Ram", country: "Mexico" },
    });
  });

  it("refuses an unknown VIN with a wrong check digit: nothing is filled", () => {
    const match = matchScannedCode("3C6UR5DL2KG512345", units, 2026);
    expect(match).toMatchObject({ kind: "bad-vin", problem: expect.stringMatching(/misread/) });
  });

  it("only the given (current customer's) units count", () => {
    expect(matchScannedCode("FLT-00105", [], 2026)).toEqual({ kind: "text", text: "FLT-00105" });
    expect(matchScannedCode("1FTFW1E51NFA00001", [], 2026)).toMatchObject({ kind: "new-vehicle" });
  });

  it("a unit number printed in the code names its unit; other text goes to the unit field", () => {
    expect(matchScannedCode("sr 105", units, 2026)).toMatchObject({ unit: units[0], by: "unit number" });
    expect(matchScannedCode("NEW-9", units, 2026)).toEqual({ kind: "text", text: "NEW-9" });
  });

  it("calls empty, control-character or huge payloads unreadable", () => {
    expect(matchScannedCode("  ", units, 2026)).toEqual({ kind: "unreadable" });
    expect(matchScannedCode("\u0000\u0001", units, 2026)).toEqual({ kind: "unreadable" });
    expect(matchScannedCode("A".repeat(500), units, 2026)).toEqual({ kind: "unreadable" });
  });
});
