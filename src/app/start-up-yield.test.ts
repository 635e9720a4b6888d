// The root layout's empty "beforeInteractive" script splits Next's start-up in two tasks only
// because of how Next's bootstrap runs such scripts: an inline one is inserted and hydration waits
// for a setTimeout. If an upgrade of Next changes that, the split is silently gone and every
// screen's blocking time grows again; this test says so.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(path.resolve(file), "utf8");

describe("the start-up yield", () => {
  it("relies on Next's bootstrap waiting a task for an inline beforeInteractive script", () => {
    const bootstrap = read("node_modules/next/dist/client/app-bootstrap.js");
    expect(bootstrap).toContain("loadScriptsInSequence(self.__next_s");
    expect(bootstrap).toMatch(/el\.innerHTML = props\.children;\s*setTimeout\(resolve\);/);
    // The router (app-index) is required inside the callback that waits, not before it.
    const entry = read("node_modules/next/dist/client/app-next-turbopack.js");
    expect(entry).toMatch(/appBootstrap\)\(\(\)=>\{\s*const \{ hydrate \} = require\('\.\/app-index'\)/);
  });

  it("is in the root layout, and React DOM is evaluated before it yields", () => {
    expect(read("src/app/layout.tsx")).toMatch(/<Script id="start-up-yield" strategy="beforeInteractive">\s*\{""\}/);
    expect(read("src/instrumentation-client.ts")).toContain('from "react-dom/client"');
  });
});
