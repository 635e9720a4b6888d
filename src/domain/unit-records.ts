import { assetTagProblem, normalizeAssetTag } from "./asset-tag";
import { DomainError } from "./errors";
import { FIELDS, normalizeText, textProblem } from "./form-fields";
import { normalizeUnitNumber } from "./unit-number";
import { checkVin } from "./vin";

// What a unit record (a vehicle of a fleet) may hold, and the checks of a fleet import:
// every row is checked and the whole file is refused if any row is bad, naming each one,
// so a fleet list is never half imported.

export type UnitRecord = {
  unitNumber: string;
  /** The fleet's sticker on the vehicle, as normalizeAssetTag spells it. */
  assetTag: string | null;
  vin: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
};

export const OLDEST_MODEL_YEAR = 1980;
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const IMPORT_COLUMNS = ["unit_number", "asset_tag", "vin", "make", "model", "year"] as const;

export class UnitRecordRefused extends DomainError {
  readonly code = "INVALID_UNIT";
}

// 17 characters; I, O and Q are never used (they read as 1 and 0).
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * Trimmed and in NFC (normalizeText), blanks as null, the VIN in capitals, the unit number as
 * normalizeUnitNumber spells it (unless it holds a refused character: unitRecordProblems names it).
 */
export function normalizeUnitRecord(record: {
  unitNumber: string;
  assetTag?: string | null;
  vin?: string | null;
  make?: string | null;
  model?: string | null;
  year?: number | null;
}): UnitRecord {
  const text = (value: string | null | undefined) => (value ? normalizeText(value, "line") : null) || null;
  return {
    unitNumber: unitNumberOf(record.unitNumber),
    assetTag: record.assetTag ? normalizeAssetTag(record.assetTag) || null : null,
    vin: text(record.vin)?.toUpperCase() ?? null,
    make: text(record.make),
    model: text(record.model),
    year: record.year ?? null,
  };
}

function unitNumberOf(raw: string): string {
  const text = normalizeText(raw, FIELDS.unitNumber.kind);
  return textProblem(text, FIELDS.unitNumber.kind) ? text : normalizeUnitNumber(text);
}

/** Why this (normalized) record is not valid: empty when it is. */
export function unitRecordProblems(record: UnitRecord, currentYear: number): string[] {
  const problems: string[] = [];
  if (!record.unitNumber) problems.push("the unit number is missing");
  else if (record.unitNumber.length > FIELDS.unitNumber.maxLength)
    problems.push(`the unit number is longer than ${FIELDS.unitNumber.maxLength} characters`);
  const unitNumberProblem = textProblem(record.unitNumber, FIELDS.unitNumber.kind);
  if (unitNumberProblem) problems.push(`the unit number ${unitNumberProblem}`);
  for (const name of ["make", "model"] as const) {
    const value = record[name];
    if (value === null) continue;
    if (value.length > FIELDS[name].maxLength)
      problems.push(`the ${name} is longer than ${FIELDS[name].maxLength} characters`);
    const problem = textProblem(value, FIELDS[name].kind);
    if (problem) problems.push(`the ${name} ${problem}`);
  }
  const tagProblem = record.assetTag === null ? null : assetTagProblem(record.assetTag);
  if (tagProblem) problems.push(`the asset tag "${record.assetTag}" ${tagProblem}`);
  if (record.vin !== null && !VIN.test(record.vin))
    problems.push(`the VIN "${record.vin}" is not 17 letters and digits (no I, O or Q)`);
  if (
    record.year !== null &&
    (!Number.isInteger(record.year) || record.year < OLDEST_MODEL_YEAR || record.year > currentYear + 1)
  ) {
    problems.push(`the year ${record.year} is not between ${OLDEST_MODEL_YEAR} and ${currentYear + 1}`);
  }
  return problems;
}

/** Throws UnitRecordRefused listing every problem of the record. */
export function assertUnitRecord(record: UnitRecord, currentYear: number): void {
  const problems = unitRecordProblems(record, currentYear);
  if (problems.length) throw new UnitRecordRefused(`This unit cannot be saved: ${problems.join("; ")}.`);
}

export type ImportLine = { line: number; cells: readonly string[] };
export type RowProblem = { line: number; unitNumber: string | null; problems: string[] };
export type FleetImportCheck =
  | { ok: true; units: (UnitRecord & { line: number })[] }
  | { ok: false; fileProblems: string[]; rowProblems: RowProblem[] };

/**
 * Checks a parsed fleet file: the first line is the header (unit_number required; asset_tag, vin,
 * make, model, year optional; any order). A unit number or asset tag may appear once in the file
 * and must not be registered for the customer yet (`existingUnitNumbers`, `existingAssetTags`): an
 * import adds units, it never changes ones already there.
 */
export function checkFleetImport(
  lines: readonly ImportLine[],
  existingUnitNumbers: ReadonlySet<string>,
  currentYear: number,
  existingAssetTags: ReadonlySet<string> = new Set(),
): FleetImportCheck {
  // Spreadsheets end their exports with rows of empty cells: those are not units.
  const [header, ...rows] = lines.filter(({ cells }) => cells.some((c) => c.trim()));
  const fileProblem = (problem: string): FleetImportCheck => ({ ok: false, fileProblems: [problem], rowProblems: [] });
  if (!header)
    return fileProblem(
      "The file is empty: its first line must name the columns (unit_number, asset_tag, vin, make, model, year).",
    );
  const columns = header.cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length)
    return fileProblem(
      `Line ${header.line}: unknown column(s) ${unknown.map((c) => `"${c}"`).join(", ")}; use ${IMPORT_COLUMNS.join(", ")}.`,
    );
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length) return fileProblem(`Line ${header.line}: the column "${repeated[0]}" appears twice.`);
  if (!columns.includes("unit_number"))
    return fileProblem(`Line ${header.line}: the header must have a unit_number column.`);
  if (rows.length === 0) return fileProblem("The file has no units below its header.");
  if (rows.length > MAX_IMPORT_ROWS)
    return fileProblem(`The file has ${rows.length} units; import at most ${MAX_IMPORT_ROWS} at a time.`);

  const firstLineOf = new Map<string, number>();
  const firstTagLineOf = new Map<string, number>();
  const units: (UnitRecord & { line: number })[] = [];
  const rowProblems: RowProblem[] = [];
  for (const { line, cells } of rows) {
    const cell = (column: string) => cells[columns.indexOf(column)] ?? "";
    const problems: string[] = [];
    if (cells.slice(columns.length).some((c) => c.trim()))
      problems.push(`it has ${cells.length} cells, the header has ${columns.length}`);
    const yearText = cell("year").trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (yearText && year === null) problems.push(`the year "${yearText}" is not a four-digit year`);
    const unit = normalizeUnitRecord({
      unitNumber: cell("unit_number"),
      assetTag: cell("asset_tag"),
      vin: cell("vin"),
      make: cell("make"),
      model: cell("model"),
      year,
    });
    problems.push(...unitRecordProblems(unit, currentYear));
    if (unit.unitNumber) {
      const first = firstLineOf.get(unit.unitNumber);
      if (first !== undefined) problems.push(`unit ${unit.unitNumber} is already on line ${first}`);
      else firstLineOf.set(unit.unitNumber, line);
      if (existingUnitNumbers.has(unit.unitNumber))
        problems.push(`unit ${unit.unitNumber} is already registered for this customer`);
    }
    if (unit.assetTag) {
      const first = firstTagLineOf.get(unit.assetTag);
      if (first !== undefined) problems.push(`the asset tag ${unit.assetTag} is already on line ${first}`);
      else firstTagLineOf.set(unit.assetTag, line);
      if (existingAssetTags.has(unit.assetTag))
        problems.push(`the asset tag ${unit.assetTag} is already on another unit of this customer`);
    }
    if (problems.length) rowProblems.push({ line, unitNumber: unit.unitNumber || null, problems });
    else units.push({ ...unit, line });
  }
  return rowProblems.length ? { ok: false, fileProblems: [], rowProblems } : { ok: true, units };
}

export type NewUnitFacts = { vin: string | null; make: string | null; year: number | null };

/**
 * What a device read for a unit its capture creates (from a scanned VIN), each fact kept only when
 * valid: a wrong fact is dropped, never a reason to refuse the repair it came with.
 */
export function acceptedNewUnitFacts(
  facts: { vin?: string | null; make?: string | null; year?: number | null } | undefined,
  currentYear: number,
): NewUnitFacts {
  const record = normalizeUnitRecord({ unitNumber: "-", ...facts });
  const vinCheck = record.vin === null ? null : checkVin(record.vin);
  const year = record.year;
  const make = record.make;
  return {
    vin: vinCheck?.ok ? vinCheck.vin : null,
    make: make !== null && make.length <= FIELDS.make.maxLength && !textProblem(make, FIELDS.make.kind) ? make : null,
    year: year !== null && Number.isInteger(year) && year >= OLDEST_MODEL_YEAR && year <= currentYear + 1 ? year : null,
  };
}
