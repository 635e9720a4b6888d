// The screens and the phone's code format dates and numbers with ~/domain's display-format, not Intl:
// the first Intl use in a fresh renderer starts ICU, 30–100 ms of main thread during page load, and
// toLocale*(locale, options) builds a formatter on every call. localeCompare starts ICU's collator
// the same way: names are ordered with ~/domain's byName.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "..");
const ROOTS = ["app", "client"];
const FORBIDDEN = /toLocale(?:Date|Time)?String\(|\bIntl\.|\.localeCompare\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.test\./.test(entry.name) ? [full] : [];
  });
}

describe("screens and the phone's code", () => {
  it("use no Intl, toLocale*String or localeCompare (see src/domain/display-format.ts and name-order.ts)", () => {
    const found = ROOTS.flatMap((root) => sources(path.join(SRC, root))).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (FORBIDDEN.test(line) ? [`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
