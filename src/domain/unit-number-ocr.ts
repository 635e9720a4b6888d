// What the text read from a photo of a painted or stickered unit number means among a customer's
// known units. OCR is a suggestion, never applied by itself: the technician confirms it. Each
// plausible piece of the text goes through the same rule as typing (resolveUnitEntry), then, when
// none names a unit, through the letters OCR confuses with digits (O/0, I/1, S/5, B/8…).
import { normalizeUnitNumber, resolveUnitEntry } from "./unit-number";

export type OcrSuggestion<U> =
  /** One known unit: offer it. */
  | { kind: "unit"; unit: U; read: string }
  /** Several known units fit what was read: the technician picks. */
  | { kind: "choose"; candidates: U[]; read: string }
  /** A number-like text no known unit has: offer it as typed text, where "Add new unit" stays explicit. */
  | { kind: "new"; read: string }
  /** Nothing that looks like a unit number (blank, blurred, garbage). */
  | { kind: "nothing" };

const MAX_READ_LENGTH = 20;
const MAX_CANDIDATES = 40;

/** Pieces of OCR text that could be a unit number: whole lines, words, and two words together ("BUS 17"). */
export function unitNumberCandidates(text: string): string[] {
  const found: string[] = [];
  for (const line of text.normalize("NFC").toUpperCase().split(/\r?\n/)) {
    // Only the characters fleets paint; anything else splits words.
    const cleaned = line
      .replace(/[^A-Z0-9\- ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (!cleaned) continue;
    const words = cleaned
      .split(" ")
      .map((w) => w.replace(/^-+|-+$/g, ""))
      .filter(Boolean);
    // Stray single characters are what OCR makes of texture ("A 2 3 0"): never part of a number here.
    if (words.length <= 2 && words.every((w) => w.length >= 2)) found.push(words.join(" "));
    for (let i = 0; i < words.length; i += 1) {
      if (i + 1 < words.length && words[i]!.length >= 2 && words[i + 1]!.length >= 2)
        found.push(`${words[i]} ${words[i + 1]}`);
      found.push(words[i]!);
    }
  }
  const plausible = found.map(normalizeUnitNumber).filter(isPlausible);
  return [...new Set(plausible)].slice(0, MAX_CANDIDATES);
}

/** A digit, at most as many letters as a fleet prefix has, and a sensible length. */
function isPlausible(candidate: string): boolean {
  const letters = candidate.replace(/[^A-Z]/g, "").length;
  return /\d/.test(candidate) && candidate.length >= 2 && candidate.length <= MAX_READ_LENGTH && letters <= 6;
}

const LOOK_ALIKE: Record<string, string> = { O: "0", Q: "0", D: "0", I: "1", L: "1", Z: "2", S: "5", B: "8", G: "6" };

/** Letters and digits only, look-alike letters as their digit: "SR-1O5" and "SR105" have one shape. */
function shape(unitNumber: string): string {
  return normalizeUnitNumber(unitNumber)
    .replace(/[^A-Z0-9]/g, "")
    .replace(/[OQDILZSBG]/g, (c) => LOOK_ALIKE[c]!);
}

/** The unit a photo's text proposes; never more certain than typing the same text would be. */
export function suggestUnitFromOcr<U extends { unitNumber: string }>(
  text: string,
  units: readonly U[],
): OcrSuggestion<U> {
  const candidates = unitNumberCandidates(text);
  if (candidates.length === 0) return { kind: "nothing" };
  const entries = candidates.map((read) => ({ read, entry: resolveUnitEntry(read, units) }));
  // The same number first, then the same number read with a look-alike letter, and only then a
  // part of a number ("105" of SR-105), so a stray piece of text never wins over the whole number.
  for (const { read, entry } of entries) if (entry.kind === "known") return { kind: "unit", unit: entry.unit, read };
  let choose: OcrSuggestion<U> | null = null;
  for (const read of candidates) {
    const key = shape(read);
    const same = units.filter((u) => shape(u.unitNumber) === key);
    if (same.length === 1) return { kind: "unit", unit: same[0]!, read };
    if (same.length > 1) choose ??= { kind: "choose", candidates: same, read };
  }
  for (const { read, entry } of entries) if (entry.kind === "match") return { kind: "unit", unit: entry.unit, read };
  for (const { read, entry } of entries)
    if (entry.kind === "ambiguous") choose ??= { kind: "choose", candidates: entry.candidates, read };
  return choose ?? { kind: "new", read: candidates[0]! };
}
