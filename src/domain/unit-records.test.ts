import { describe, expect, it } from "vitest";
import {
  type ImportLine,
  MAX_IMPORT_ROWS,
  UnitRecordRefused,
  acceptedNewUnitFacts,
  assertUnitRecord,
  checkFleetImport,
  normalizeUnitRecord,
  unitRecordProblems,
} from "./unit-records";

const YEAR = 2026;
const lines = (...rows: string[][]): ImportLine[] => rows.map((cells, i) => ({ line: i + 1, cells }));
const HEADER = ["unit_number", "vin", "make", "model", "year"];

describe("a unit record", () => {
  it("is trimmed, blanks become null and the VIN is in capitals", () => {
    expect(
      normalizeUnitRecord({ unitNumber: " A-1 ", vin: " 1hgcm82633a004352 ", make: "", model: " Camry ", year: 2020 }),
    ).toEqual({
      unitNumber: "A-1",
      assetTag: null,
      vin: "1HGCM82633A004352",
      make: null,
      model: "Camry",
      year: 2020,
    });
  });

  it("needs a unit number, a 17-character VIN without I, O or Q, and a year from 1980 to next year", () => {
    const ok = normalizeUnitRecord({ unitNumber: "A-1", vin: "1HGCM82633A004352", year: YEAR + 1 });
    expect(unitRecordProblems(ok, YEAR)).toEqual([]);
    expect(unitRecordProblems({ ...ok, unitNumber: "" }, YEAR)).toEqual(["the unit number is missing"]);
    expect(unitRecordProblems({ ...ok, vin: "1HGCM82633A00435" }, YEAR)[0]).toContain("not 17 letters");
    expect(unitRecordProblems({ ...ok, vin: "1HGCM82633A00435O" }, YEAR)[0]).toContain("no I, O or Q");
    expect(unitRecordProblems({ ...ok, year: 1979 }, YEAR)).toEqual(["the year 1979 is not between 1980 and 2027"]);
    expect(unitRecordProblems({ ...ok, year: YEAR + 2 }, YEAR)).toHaveLength(1);
    expect(() => assertUnitRecord({ ...ok, unitNumber: "", year: 1900 }, YEAR)).toThrow(UnitRecordRefused);
  });

  it("stores a unit number in NFC and refuses look-alike or unstorable unit numbers, makes and models", () => {
    expect(normalizeUnitRecord({ unitNumber: "CAFE\u0301-1" }).unitNumber).toBe("CAF\u00c9-1");
    const ok = normalizeUnitRecord({ unitNumber: "A-1" });
    expect(unitRecordProblems({ ...ok, unitNumber: "\u202e1-A" }, YEAR)).toEqual([
      "the unit number contains an invisible or direction-changing character (a zero-width space or a right-to-left mark, for instance)",
    ]);
    expect(unitRecordProblems({ ...ok, unitNumber: "A-\ud800" }, YEAR)[0]).toContain("broken character");
    expect(unitRecordProblems({ ...ok, unitNumber: "x".repeat(51) }, YEAR)).toEqual([
      "the unit number is longer than 50 characters",
    ]);
    expect(unitRecordProblems({ ...ok, make: "Ford\u0000" }, YEAR)[0]).toMatch(
      /^the make contains a control character/,
    );
    expect(unitRecordProblems({ ...ok, model: "y".repeat(101) }, YEAR)).toEqual([
      "the model is longer than 100 characters",
    ]);
  });
});

describe("checking a fleet import", () => {
  it("spells a unit number as the device does, so a file's 'ab-12 ' is the registered AB-12", () => {
    expect(normalizeUnitRecord({ unitNumber: "  ab  12 " }).unitNumber).toBe("AB 12");
    const check = checkFleetImport(lines(["unit_number"], ["ab-12 "], ["sr  105"]), new Set(["AB-12"]), YEAR);
    expect(check).toEqual({
      ok: false,
      fileProblems: [],
      rowProblems: [{ line: 2, unitNumber: "AB-12", problems: ["unit AB-12 is already registered for this customer"] }],
    });
    const twice = checkFleetImport(lines(["unit_number"], ["sr-1"], ["SR-1"]), new Set(), YEAR);
    expect(twice.ok || twice.rowProblems[0]!.problems).toEqual(["unit SR-1 is already on line 2"]);
  });

  it("still refuses a tab in a unit number rather than reading it as a space", () => {
    const check = checkFleetImport(lines(["unit_number"], ["A\t1"]), new Set(), YEAR);
    expect(check.ok || check.rowProblems[0]!.problems[0]).toMatch(/control character/);
  });

  it("accepts a header in any order and any case, and only the columns it needs", () => {
    const check = checkFleetImport(lines(["Year", "Unit Number"], ["2019", "T-1"], ["", "T-2"]), new Set(), YEAR);
    expect(check).toEqual({
      ok: true,
      units: [
        { line: 2, unitNumber: "T-1", assetTag: null, vin: null, make: null, model: null, year: 2019 },
        { line: 3, unitNumber: "T-2", assetTag: null, vin: null, make: null, model: null, year: null },
      ],
    });
  });

  it("names every bad row with its line and reasons, skipping rows of empty cells", () => {
    const check = checkFleetImport(
      lines(
        HEADER,
        ["T-1", "", "Ford", "F-150", "2020"],
        ["", "1HGCM82633A004352", "", "", ""],
        ["", "", "", "", ""],
        ["T-1", "BADVIN", "", "", "19x9"],
        ["T-9", "", "", "", "", "extra"],
        ["T-5"],
      ),
      new Set(["T-5"]),
      YEAR,
    );
    expect(check).toEqual({
      ok: false,
      fileProblems: [],
      rowProblems: [
        { line: 3, unitNumber: null, problems: ["the unit number is missing"] },
        {
          line: 5,
          unitNumber: "T-1",
          problems: [
            'the year "19x9" is not a four-digit year',
            'the VIN "BADVIN" is not 17 letters and digits (no I, O or Q)',
            "unit T-1 is already on line 2",
          ],
        },
        { line: 6, unitNumber: "T-9", problems: ["it has 6 cells, the header has 5"] },
        { line: 7, unitNumber: "T-5", problems: ["unit T-5 is already registered for this customer"] },
      ],
    });
  });

  it("refuses a file without a usable header, without units, or with too many", () => {
    const fileProblems = (input: ImportLine[]) => {
      const check = checkFleetImport(input, new Set(), YEAR);
      return check.ok ? [] : check.fileProblems;
    };
    expect(fileProblems([])[0]).toContain("empty");
    expect(fileProblems(lines(["unit", "vin"], ["T-1", ""]))[0]).toContain('unknown column(s) "unit"');
    expect(fileProblems(lines(["vin", "make"], ["", "Ford"]))[0]).toContain("must have a unit_number column");
    expect(fileProblems(lines(["unit_number", "vin", "VIN"], ["T-1", "", ""]))[0]).toContain('"vin" appears twice');
    expect(fileProblems(lines(HEADER))[0]).toContain("no units");
    const many = lines(["unit_number"], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`T-${i}`]));
    expect(fileProblems(many)[0]).toContain("at most 5000");
  });
});

describe("asset tags", () => {
  it("are spelled one way (capitals, no spaces) and hold only sticker characters", () => {
    const record = normalizeUnitRecord({ unitNumber: "A-1", assetTag: " flt 00105 " });
    expect(record.assetTag).toBe("FLT00105");
    expect(unitRecordProblems(record, YEAR)).toEqual([]);
    const bad = normalizeUnitRecord({ unitNumber: "A-1", assetTag: "FLT\u00e9" });
    expect(unitRecordProblems(bad, YEAR)).toEqual([expect.stringMatching(/asset tag .* may hold only/)]);
    expect(unitRecordProblems(normalizeUnitRecord({ unitNumber: "A-1", assetTag: "X".repeat(41) }), YEAR)).toEqual([
      expect.stringMatching(/longer than 40/),
    ]);
  });

  it("are imported, once per file and never twice in a fleet", () => {
    const check = checkFleetImport(
      lines(["unit_number", "asset_tag"], ["T-1", "flt-1"], ["T-2", "FLT-1"], ["T-3", "FLT-9"], ["T-4", ""]),
      new Set(),
      YEAR,
      new Set(["FLT-9"]),
    );
    expect(check).toEqual({
      ok: false,
      fileProblems: [],
      rowProblems: [
        { line: 3, unitNumber: "T-2", problems: ["the asset tag FLT-1 is already on line 2"] },
        { line: 4, unitNumber: "T-3", problems: ["the asset tag FLT-9 is already on another unit of this customer"] },
      ],
    });
  });
});

describe("facts read from a scanned VIN for a new unit", () => {
  it("keeps the valid ones and drops the rest, never refusing", () => {
    expect(acceptedNewUnitFacts({ vin: "1ftfw1e51nfa00001", make: "Ford", year: 2022 }, YEAR)).toEqual({
      vin: "1FTFW1E51NFA00001",
      make: "Ford",
      year: 2022,
    });
    expect(acceptedNewUnitFacts({ vin: "1FTFW1E50NFA00001", make: "F".repeat(101), year: 1970 }, YEAR)).toEqual({
      vin: null,
      make: null,
      year: null,
    });
    expect(acceptedNewUnitFacts(undefined, YEAR)).toEqual({ vin: null, make: null, year: null });
  });
});
