import { describe, expect, it } from "vitest";
import {
  checkVin,
  decodeVin,
  looksLikeVin,
  modelYearCandidates,
  normalizeVin,
  vinCheckDigit,
  vinManufacturer,
  vinModelYear,
  vinRequiresCheckDigit,
} from "./vin";

// Real-format VINs; each check digit was computed by hand (by a separate script), not by vin.ts.
const VALID = [
  "1M8GDM9AXKP042788", // the textbook example: check digit X
  "1HGCM82633A004352", // Honda Accord 2003
  "1FTFW1E51NFA00001",
  "1GCUYDED2LZ123456",
  "3C6UR5DL8KG512345",
  "5YJ3E1EA4PF400001",
  "1FUJGLDR3CLBP8834",
  "4V4NC9EH0LN223344",
  "JTDKN3DU6A0123456",
  "2T1BURHEXJC043821",
  "1FDUF5GT6BEA12345",
  "1N6AD0ER2GN700001",
  "11111111111111111",
];
// One character changed or transposed from a valid one: what a misread label looks like.
const WRONG_CHECK_DIGIT = [
  "1M8GDM9A1KP042788",
  "1HGCM82643A004352",
  "1FTFW1E50NFA00001",
  "1GCUYDED5LZ123456",
  "3C6UR5DL2KG512345",
  "5YJ3E1EA7PF400001",
  "4V4NC9EH5LN223344",
  "2T1BURHE0JC043821",
  "1N6AD0ER2GN700010",
  "1FDUF5GT6BEA21345",
];

describe("the VIN check digit", () => {
  it.each(VALID)("accepts %s", (vin) => {
    expect(vinCheckDigit(vin)).toBe(vin[8]);
    expect(checkVin(vin)).toEqual({ ok: true, vin, checkDigit: "valid" });
  });

  it.each(WRONG_CHECK_DIGIT)("refuses %s, naming the check digit", (vin) => {
    const check = checkVin(vin);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/misread or mistyped: its check digit \(9th character\)/);
  });

  it("does not require the check digit outside North America and China", () => {
    const european = "WVWZZZ1JZXW000001"; // VW uses Z as filler, no check digit
    expect(vinCheckDigit(european)).not.toBe(european[8]);
    expect(checkVin(european)).toEqual({ ok: true, vin: european, checkDigit: "not-required" });
    expect(vinRequiresCheckDigit("LVSHCFAE0GF000001")).toBe(true); // China requires it
    expect(vinRequiresCheckDigit("JTDKN3DU6A0123456")).toBe(false);
  });

  it("refuses the wrong length and the letters I, O, Q with a sentence", () => {
    expect(checkVin("1HGCM82633A00435")).toMatchObject({ ok: false, problem: expect.stringMatching(/17 characters/) });
    expect(checkVin("1HGCM82633AO04352")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/never I, O or Q/),
    });
    expect(checkVin("")).toMatchObject({ ok: false });
  });

  it("normalizes spaces, dashes, lower case and the 'I' prefix of Code 39 door labels", () => {
    expect(normalizeVin(" 1hgcm8-2633a 004352 ")).toBe("1HGCM82633A004352");
    expect(normalizeVin("I1HGCM82633A004352")).toBe("1HGCM82633A004352");
    expect(looksLikeVin(normalizeVin("I1HGCM82633A004352"))).toBe(true);
    expect(checkVin("i1m8gdm9axkp042788").ok).toBe(true);
  });
});

describe("the model year (10th character)", () => {
  it("walks the 30 codes in order, skipping I, O, Q, U, Z and 0", () => {
    const codes = "ABCDEFGHJKLMNPRSTVWXY123456789";
    codes.split("").forEach((code, i) => {
      const digit7 = `1FTFW10${"0".repeat(2)}${code}A000001`; // 7th character a digit: 1980 cycle
      expect(modelYearCandidates(digit7, 2100)[0]).toBe(1980 + i);
    });
    expect(modelYearCandidates("1FTFW1E50UFA00001", 2100)).toEqual([]);
    expect(modelYearCandidates("1FTFW1E50ZFA00001", 2100)).toEqual([]);
    expect(modelYearCandidates("1FTFW1E500FA00001", 2100)).toEqual([]);
  });

  it("chooses the cycle by the 7th character (letter: 2010-2039, digit: 1980-2009)", () => {
    expect(vinModelYear("1M8GDM9AXKP042788", 2026)).toBe(1989); // 7th "9", K
    expect(vinModelYear("1HGCM82633A004352", 2026)).toBe(2003); // 7th "2", 3
    expect(vinModelYear("1FTFW1E51NFA00001", 2026)).toBe(2022); // 7th "E", N
    expect(vinModelYear("5YJ3E1EA4PF400001", 2026)).toBe(2023); // 7th "E", P
    expect(vinModelYear("2T1BURHEXJC043821", 2026)).toBe(2018); // 7th "H", J
    expect(vinModelYear("1GCUYDED2LZ123456", 2026)).toBe(2020);
  });

  it("never answers a year after next year, and reaches the 2040 cycle when it comes", () => {
    // 7th a letter, code Y: 2030 is after 2026 + 1, so the only possible year is 2000.
    expect(vinModelYear("1FTFW1E50YFA00001", 2026)).toBe(2000);
    expect(vinModelYear("1FTFW1E50YFA00001", 2030)).toBe(2030);
    // 7th a digit, code A: 1980 until the 2040 models are sold, then 2040.
    expect(vinModelYear("1FTFW1050AFA00001", 2026)).toBe(1980);
    expect(vinModelYear("1FTFW1050AFA00001", 2039)).toBe(2040);
    expect(vinModelYear("1FTFW1E50AFA00001", 2026)).toBe(2010);
    expect(vinModelYear("1FTFW1E50AFA00001", 2045)).toBe(2010);
    expect(vinModelYear("1FTFW1E50AFA00001", 2070)).toBe(2070);
  });
});

describe("the manufacturer (WMI)", () => {
  it("names common fleet makers from the table shipped with the app", () => {
    expect(vinManufacturer("1FTFW1E51NFA00001")).toBe("Ford");
    expect(vinManufacturer("1GCUYDED2LZ123456")).toBe("Chevrolet");
    expect(vinManufacturer("3C6UR5DL8KG512345")).toBe("Ram");
    expect(vinManufacturer("1FUJGLDR3CLBP8834")).toBe("Freightliner");
    expect(vinManufacturer("JTDKN3DU6A0123456")).toBe("Toyota");
    expect(vinManufacturer("11111111111111111")).toBeNull();
  });

  it("decodes what prefills a new unit", () => {
    expect(decodeVin("1FTFW1E51NFA00001", 2026)).toEqual({
      vin: "1FTFW1E51NFA00001",
      year: 2022,
      make: "Ford",
      country: "United States",
    });
    expect(decodeVin("2T1BURHEXJC043821", 2026)).toMatchObject({ year: 2018, make: "Toyota", country: "Canada" });
  });
});
