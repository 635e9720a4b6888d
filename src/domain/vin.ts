// What a vehicle identification number says by itself, offline: whether it was read right (the
// check digit), the model year (10th character) and who built it (the first three characters,
// the WMI). A scanned VIN is checked before it may name or prefill a unit, so a misread door-jamb
// label never creates a vehicle that does not exist.

/** 17 characters; I, O and Q are never used (they read as 1 and 0). */
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

// ISO 3779 / 49 CFR 565: each letter's value and each position's weight in the check sum.
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}; // prettier-ignore
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Upper-case, without spaces, dashes and the leading "I" some door-jamb Code 39 labels add. */
export function normalizeVin(raw: string): string {
  const compact = raw
    .normalize("NFC")
    .toUpperCase()
    .replace(/[\s-]+/g, "");
  return compact.length === 18 && compact.startsWith("I") ? compact.slice(1) : compact;
}

/** Whether the text has the shape of a VIN (after normalizeVin); says nothing of its check digit. */
export function looksLikeVin(value: string): boolean {
  return VIN_PATTERN.test(value);
}

/** The 9th character a correct VIN carries: the weighted sum modulo 11, 10 written "X". */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const value = c >= "0" && c <= "9" ? Number(c) : LETTER_VALUES[c];
    if (value === undefined) throw new RangeError(`"${c}" is not a VIN character`);
    sum += value * WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return rest === 10 ? "X" : String(rest);
}

/**
 * North America (WMIs beginning 1–5) and China (L) require the check digit; elsewhere a maker may
 * put any character there, so a European or Japanese VIN is checked only by its shape.
 */
export function vinRequiresCheckDigit(vin: string): boolean {
  return /^[1-5L]/.test(vin);
}

export type VinCheck =
  { ok: true; vin: string; checkDigit: "valid" | "not-required" } | { ok: false; vin: string; problem: string };

/** Whether a read or typed VIN can be trusted, with the sentence to show when not. */
export function checkVin(raw: string): VinCheck {
  const vin = normalizeVin(raw);
  if (vin.length !== 17)
    return { ok: false, vin, problem: `A VIN has 17 characters; ${vin || "this"} has ${vin.length}.` };
  if (!looksLikeVin(vin))
    return { ok: false, vin, problem: `${vin} is not a VIN: only letters and digits, never I, O or Q.` };
  const expected = vinCheckDigit(vin);
  if (expected === vin[8]) return { ok: true, vin, checkDigit: "valid" };
  if (!vinRequiresCheckDigit(vin)) return { ok: true, vin, checkDigit: "not-required" };
  return {
    ok: false,
    vin,
    problem: `The VIN ${vin} was misread or mistyped: its check digit (9th character) is ${vin[8]}, the other characters give ${expected}. Scan or type it again.`,
  };
}

// The 10th character: 30 codes in a row, then the cycle starts again (A was 1980, 2010, 2040…).
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
const FIRST_CYCLE = 1980;
const CYCLE = YEAR_CODES.length;

/** Every model year the 10th character can stand for, from 1980 up to `latest`. */
export function modelYearCandidates(vin: string, latest: number): number[] {
  const index = YEAR_CODES.indexOf(vin[9] ?? "");
  if (index < 0) return [];
  const years: number[] = [];
  for (let year = FIRST_CYCLE + index; year <= latest; year += CYCLE) years.push(year);
  return years;
}

/**
 * The model year, as `currentYear` sees it (next year's models are on sale already). For light
 * vehicles a digit in the 7th position marks the cycles starting 1980, 2040…, a letter those
 * starting 2010, 2070…; the latest year of the right cycle is chosen, else the latest possible.
 */
export function vinModelYear(vin: string, currentYear: number): number | null {
  const candidates = modelYearCandidates(vin, currentYear + 1);
  if (candidates.length === 0) return null;
  const seventhIsLetter = /[A-Z]/.test(vin[6] ?? "");
  const matching = candidates.filter(
    (year) => (Math.floor((year - FIRST_CYCLE) / CYCLE) % 2 === 1) === seventhIsLetter,
  );
  return (matching.length ? matching : candidates).at(-1)!;
}

// A compact table of common world manufacturer identifiers (fleet cars, vans, pickups and
// trucks), written for this app. The 2-character prefix is the fallback for a maker's other WMIs.
const WMI: Readonly<Record<string, string>> = {
  "1FA": "Ford", "1FB": "Ford", "1FC": "Ford", "1FD": "Ford", "1FM": "Ford", "1FT": "Ford", "1FU": "Freightliner",
  "1FV": "Freightliner", "1F1": "Ford", "1G1": "Chevrolet", "1G2": "Pontiac", "1G4": "Buick", "1G6": "Cadillac",
  "1GB": "Chevrolet", "1GC": "Chevrolet", "1GD": "GMC", "1GK": "GMC", "1GN": "Chevrolet", "1GT": "GMC",
  "1GY": "Cadillac", "1HG": "Honda", "1HT": "International", "1HS": "International", "1HD": "Harley-Davidson",
  "1J4": "Jeep", "1J8": "Jeep", "1C3": "Chrysler", "1C4": "Jeep", "1C6": "Ram", "1D3": "Dodge", "1D7": "Dodge",
  "1B3": "Dodge", "1B7": "Dodge", "1L1": "Lincoln", "1LN": "Lincoln", "1ME": "Mercury", "1M1": "Mack", "1M2": "Mack",
  "1N4": "Nissan", "1N6": "Nissan", "1NK": "Kenworth", "1NP": "Peterbilt", "1XK": "Kenworth", "1XP": "Peterbilt",
  "1VW": "Volkswagen", "1YV": "Mazda", "1ZV": "Ford", "1BA": "Blue Bird",
  "2FA": "Ford", "2FM": "Ford", "2FT": "Ford", "2G1": "Chevrolet", "2GC": "Chevrolet", "2GT": "GMC", "2HG": "Honda",
  "2HK": "Honda", "2T1": "Toyota", "2T3": "Toyota", "2C3": "Chrysler", "2C4": "Chrysler", "2D4": "Dodge",
  "2A4": "Chrysler", "2NK": "Kenworth", "2NP": "Peterbilt", "2HS": "International",
  "3FA": "Ford", "3FT": "Ford", "3GC": "Chevrolet", "3GN": "Chevrolet", "3GT": "GMC", "3C4": "Chrysler", "3C6": "Ram",
  "3C7": "Ram", "3D7": "Dodge", "3N1": "Nissan", "3N6": "Nissan", "3VW": "Volkswagen", "3HA": "International",
  "3HG": "Honda", "3TM": "Toyota", "3AK": "Freightliner", "3AL": "Freightliner",
  "4T1": "Toyota", "4T3": "Toyota", "4S3": "Subaru", "4S4": "Subaru", "4V4": "Volvo Trucks", "4UZ": "Freightliner",
  "4DR": "IC Bus", "4JG": "Mercedes-Benz", "4A3": "Mitsubishi", "4F2": "Mazda",
  "5YJ": "Tesla", "5N1": "Nissan", "5NP": "Hyundai", "5TD": "Toyota", "5TF": "Toyota", "5FN": "Honda", "5J6": "Honda",
  "5GA": "Buick", "5LM": "Lincoln", "5XY": "Kia", "5UX": "BMW",
  JHM: "Honda", JHL: "Honda", JN1: "Nissan", JN8: "Nissan", JT2: "Toyota", JTD: "Toyota", JTE: "Toyota",
  JTN: "Toyota", JM1: "Mazda", JF1: "Subaru", JF2: "Subaru", JA3: "Mitsubishi", JA4: "Mitsubishi", JS1: "Suzuki",
  JAL: "Isuzu", KMH: "Hyundai", KNA: "Kia", KND: "Kia", KL1: "Chevrolet", KPT: "SsangYong",
  WBA: "BMW", WBS: "BMW", WDB: "Mercedes-Benz", WDD: "Mercedes-Benz", WDC: "Mercedes-Benz", W1K: "Mercedes-Benz",
  W1N: "Mercedes-Benz", W1V: "Mercedes-Benz", WD3: "Mercedes-Benz", WVW: "Volkswagen", WV1: "Volkswagen",
  WV2: "Volkswagen", WAU: "Audi", WP0: "Porsche", WF0: "Ford", WME: "Smart", W0L: "Opel", WMA: "MAN",
  YV1: "Volvo", YV2: "Volvo Trucks", YS2: "Scania", YS3: "Saab", SAL: "Land Rover", SAJ: "Jaguar", SCC: "Lotus",
  ZFA: "Fiat", ZFF: "Ferrari", ZAR: "Alfa Romeo", ZCF: "Iveco", VF1: "Renault", VF3: "Peugeot", VF7: "Citroën",
  VSS: "SEAT", TMB: "Škoda", LVS: "Ford", LFV: "Volkswagen", LRW: "Tesla", NM0: "Ford",
}; // prettier-ignore

/** The manufacturer the WMI names, from the table shipped with the app; null when not in it. */
export function vinManufacturer(vin: string): string | null {
  return WMI[vin.slice(0, 3)] ?? null;
}

// Where the first character says the vehicle was built (ISO 3780 regions, the common ones).
const COUNTRY: readonly [RegExp, string][] = [
  [/^[145]/, "United States"],
  [/^2/, "Canada"],
  [/^3[A-W]/, "Mexico"],
  [/^J/, "Japan"],
  [/^K[L-R]/, "South Korea"],
  [/^L/, "China"],
  [/^W/, "Germany"],
  [/^S[A-M]/, "United Kingdom"],
  [/^V[F-R]/, "France"],
  [/^Y[S-W]/, "Sweden"],
  [/^Z[A-R]/, "Italy"],
];

export function vinCountry(vin: string): string | null {
  return COUNTRY.find(([pattern]) => pattern.test(vin))?.[1] ?? null;
}

export type VinFacts = { vin: string; year: number | null; make: string | null; country: string | null };

/** What a checked VIN tells about the vehicle, to prefill a new unit. */
export function decodeVin(vin: string, currentYear: number): VinFacts {
  return {
    vin,
    year: vinModelYear(vin, currentYear),
    make: vinManufacturer(vin),
    country: vinCountry(vin),
  };
}
