// The committed OCR photos (tests/fixtures/ocr, made by scripts/generate-ocr-fixtures.mjs: painted
// numbers on vehicle-like panels, turned, soft, grainy) read with tesseract.js and the English data
// the phone is served, with the phone's settings, then matched among a fleet by the domain's rule.
// Node runs tesseract's own Node build of the same core; the rate is printed and must hold.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestUnitFromOcr } from "~/domain";
import sharp from "sharp";
import { OCR_MAX_SIDE, OCR_PARAMETERS, confidentText, linesOf } from "./ocr-settings";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const DIR = path.join(ROOT, "tests/fixtures/ocr");
const fixtures = JSON.parse(readFileSync(path.join(DIR, "fixtures.json"), "utf8")) as Array<{
  file: string;
  /** Null: a photo with no number on it, which must propose nothing. */
  unitNumber: string | null;
}>;

/** The painted numbers plus near neighbours, so a sloppy read could pick a wrong unit. */
const numbered = fixtures.filter((f) => f.unitNumber !== null);
const fleet = [...new Set(numbered.map((f) => f.unitNumber!)), "SR-106", "T-89", "4512", "BUS 71", "TR-406"].map(
  (unitNumber) => ({ unitNumber }),
);

/** The share of photos that must propose their own unit (13 of 15 when this was written). */
const REQUIRED_RATE = 0.8;

let worker: Worker;
beforeAll(async () => {
  worker = await createWorker("eng", OEM.LSTM_ONLY, {
    langPath: path.join(ROOT, "node_modules/@tesseract.js-data/eng/4.0.0_best_int"),
    cacheMethod: "none",
    gzip: true,
  });
  await worker.setParameters({ ...OCR_PARAMETERS } as Record<string, string>);
}, 60_000);
afterAll(async () => {
  await worker?.terminate();
});

describe("reading painted unit numbers", () => {
  it("proposes the painted unit on most photos, never a wrong one, and nothing where no number is", async () => {
    const outcomes: Array<{ file: string; expected: string | null; read: string; proposed: string | null }> = [];
    for (const { file, unitNumber } of fixtures) {
      // As the phone does: scaled to OCR_MAX_SIDE, only the lines read with confidence.
      const picture = await sharp(readFileSync(path.join(DIR, file)))
        .resize(OCR_MAX_SIDE, OCR_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
        .png()
        .toBuffer();
      const { data } = await worker.recognize(picture, {}, { text: true, blocks: true });
      const text = confidentText(linesOf(data.blocks));
      const suggestion = suggestUnitFromOcr(text, fleet);
      outcomes.push({
        file,
        expected: unitNumber,
        read: text.replace(/\s+/g, " ").slice(0, 40),
        proposed:
          suggestion.kind === "unit"
            ? suggestion.unit.unitNumber
            : suggestion.kind === "nothing"
              ? null
              : suggestion.kind,
      });
    }
    const withNumber = outcomes.filter((o) => o.expected !== null);
    const right = withNumber.filter((o) => o.proposed === o.expected).length;
    console.log(`OCR fixtures: ${right} of ${withNumber.length} proposed their unit`);
    console.table(outcomes);
    // Never another known unit (a choice or a "not in the fleet" text is no harm: the technician sees it).
    const wrong = outcomes.filter(
      (o) => o.proposed && !["new", "choose"].includes(o.proposed) && o.proposed !== o.expected,
    );
    expect(wrong).toEqual([]);
    expect(outcomes.filter((o) => o.expected === null && o.proposed !== null)).toEqual([]);
    expect(right / withNumber.length).toBeGreaterThanOrEqual(REQUIRED_RATE);
  }, 180_000);
});
