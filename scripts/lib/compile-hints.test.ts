import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, MIN_HINTED_BYTES, addCompileHints } from "./compile-hints.mjs";

let dir: string;
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
};
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
const big = `(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([1,e=>{${"x;".repeat(MIN_HINTED_BYTES)}}]);`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
  write(
    "server/app/walk.html",
    `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/later.js"/>` +
      `<script src="/_next/static/chunks/framework.js" async=""></script>` +
      `<script src="/_next/static/chunks/small.js" async=""></script>` +
      `<script src="/_next/static/chunks/polyfill.js" noModule=""></script>`,
  );
  for (const file of ["framework.js", "polyfill.js", "later.js"]) write(`static/chunks/${file}`, big);
  write("static/chunks/small.js", "small();");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("addCompileHints", () => {
  it("marks the large scripts the HTML runs at once, and only those", () => {
    expect(addCompileHints(dir)).toEqual(["static/chunks/framework.js"]);
    expect(read("static/chunks/framework.js")).toBe(COMPILE_HINT + big);
    expect(read("static/chunks/small.js")).toBe("small();");
    expect(read("static/chunks/polyfill.js")).toBe(big);
    expect(read("static/chunks/later.js")).toBe(big);
  });

  it("changes nothing when run again", () => {
    addCompileHints(dir);
    expect(addCompileHints(dir)).toEqual([]);
    expect(read("static/chunks/framework.js")).toBe(COMPILE_HINT + big);
  });

  it("stops the build when the page is missing", () => {
    rmSync(path.join(dir, "server/app/walk.html"));
    expect(() => addCompileHints(dir)).toThrow(/walk\.html is missing/);
  });
});
