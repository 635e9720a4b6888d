// The committed OCR photos (tests/fixtures/ocr, made by scripts/generate-ocr-fixtures.mjs: painted
// numbers on vehicle-like panels, turned, soft, grainy) read with tesseract.js and the English data
// the phone is served, with the phone's settings, then matched among a fleet by the domain's rule.
// Node runs tesseract's own Node build of the same core; the rate is printed and must hold.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestUnitFromOcr } from "~/domain";
import { OCR_PARAMETERS } from "./ocr-settings";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const DIR = path.join(ROOT, "tests/fixtures/ocr");
const fixtures = JSON.parse(readFileSync(path.join(DIR, "fixtures.json"), "utf8")) as Array<{
  file: string;
  unitNumber: string;
}>;

/** The painted numbers plus near neighbours, so a sloppy read could pick a wrong unit. */
const fleet = [...new Set(fixtures.map((f) => f.unitNumber)), "SR-106", "T-89", "4512", "BUS 71", "TR-406"].map(
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
  it("proposes the painted unit on most photos and never a wrong one", async () => {
    const outcomes: Array<{ file: string; expected: string; read: string; proposed: string | null }> = [];
    for (const { file, unitNumber } of fixtures) {
      const { data } = await worker.recognize(readFileSync(path.join(DIR, file)));
      const suggestion = suggestUnitFromOcr(data.text, fleet);
      outcomes.push({
        file,
        expected: unitNumber,
        read: data.text.trim().replace(/\s+/g, " ").slice(0, 40),
        proposed: suggestion.kind === "unit" ? suggestion.unit.unitNumber : null,
      });
    }
    const right = outcomes.filter((o) => o.proposed === o.expected).length;
    console.log(`OCR fixtures: ${right} of ${outcomes.length} proposed their unit`);
    console.table(outcomes);
    expect(outcomes.filter((o) => o.proposed !== null && o.proposed !== o.expected)).toEqual([]);
    expect(right / outcomes.length).toBeGreaterThanOrEqual(REQUIRED_RATE);
  }, 180_000);
});
