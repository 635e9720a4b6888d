// Every server module carries the "server-only" marker, so a screen that imports one by mistake
// fails the build instead of shipping database code (and its secrets) to the browser.
// config.ts and the CSP builder are the exceptions: the request proxy reads them too, outside the
// server-only layer.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname);
const EXEMPT = new Set(["config.ts", "http/content-security-policy.ts"]);

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : modules(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("server modules", () => {
  it("all import the server-only marker", () => {
    const missing = modules(ROOT)
      .map((file) => path.relative(ROOT, file))
      .filter((file) => !EXEMPT.has(file))
      .filter((file) => !/^import "server-only";$/m.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(missing).toEqual([]);
  });
});
