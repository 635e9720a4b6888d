import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { walkPrecacheFiles } from "./walk-precache.mjs";

// A miniature of what `next build` (Turbopack) writes for /walk, with the shapes of the real files.
let dir: string;
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
};
const chunk = (body: string) =>
  `(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([document.currentScript,1,e=>{${body}}]);`;
const lazyImport = (...files: string[]) =>
  `e.v(t=>Promise.all([${files.map((f) => `"static/chunks/${f}"`).join(",")}].map(t=>e.l(t))).then(()=>t(2)))`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "walk-precache-"));
  write(
    "server/app/walk.html",
    `<link rel="stylesheet" href="/_next/static/chunks/app.css"/><link rel="preload" as="script" href="/_next/static/chunks/webpack.js"/>` +
      `<script src="/_next/static/chunks/framework.js" async=""></script><script src="/_next/static/chunks/shell.js" async=""></script>` +
      `<script src="/_next/static/chunks/polyfill.js" noModule=""></script><script>self.__next_f.push([1,"[\\"/_next/static/chunks/shell.js\\"]"])</script>`,
  );
  write(
    "server/app/walk/page_client-reference-manifest.js",
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/walk/page"] = ${JSON.stringify(
      {
        clientModules: {
          "[project]/src/app/walk/_components/walk-shell.tsx": {
            id: 1,
            name: "*",
            chunks: ["/_next/static/chunks/shell.js"],
            async: false,
          },
        },
        entryCSSFiles: {
          "[project]/src/app/walk/page": [
            { path: "static/chunks/app.css", inlined: false },
            { path: "static/chunks/inlined.css", inlined: true },
          ],
        },
        entryJSFiles: { "[project]/src/app/walk/page": ["static/chunks/shell.js"] },
      },
    )};`,
  );
  write(
    "server/app/walk/page/build-manifest.json",
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfill.js"],
      rootMainFiles: ["static/chunks/webpack.js", "static/chunks/framework.js"],
    }),
  );
  write("static/chunks/webpack.js", chunk(""));
  write("static/chunks/framework.js", chunk(""));
  write("static/chunks/polyfill.js", "/* for browsers without modules */");
  write(
    "static/chunks/app.css",
    `@font-face{src:url(../media/inter.woff2) format("woff2")}.x{background:url("data:image/png;base64,AA")}.v{behavior:url(#default#VML)}`,
  );
  write("static/media/inter.woff2", "font");
  write("static/chunks/shell.js", chunk(lazyImport("app.js", "dexie.js")));
  write("static/chunks/app.js", chunk(lazyImport("signature.js")));
  write("static/chunks/dexie.js", chunk(""));
  write("static/chunks/signature.js", chunk(""));
  // Another screen's code, never reached from /walk:
  write("static/chunks/manager.js", chunk(lazyImport("leaflet.js")));
  write("static/chunks/leaflet.js", chunk(""));
  write("static/chunks/leaflet.css", ".leaflet{background:url(../media/layers.png)}");
  write("static/media/layers.png", "png");
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("what /walk needs offline", () => {
  it("is the first render's files and everything they load by import(), with the fonts their CSS names", () => {
    const { files, lazy } = walkPrecacheFiles(dir);
    expect(files).toEqual(
      [
        "static/chunks/app.css",
        "static/chunks/app.js",
        "static/chunks/dexie.js",
        "static/chunks/framework.js",
        "static/chunks/shell.js",
        "static/chunks/signature.js",
        "static/chunks/webpack.js",
        "static/media/inter.woff2",
      ].sort(),
    );
    expect(lazy).toEqual([
      "static/chunks/app.js",
      "static/chunks/dexie.js",
      "static/chunks/signature.js",
      "static/media/inter.woff2",
    ]);
  });

  it("leaves out other screens' code and the noModule polyfill", () => {
    const { files } = walkPrecacheFiles(dir);
    for (const other of ["manager.js", "leaflet.js", "leaflet.css", "polyfill.js"])
      expect(files).not.toContain(`static/chunks/${other}`);
    expect(files).not.toContain("static/media/layers.png");
  });

  it("includes a sub-screen under /walk and what only it loads", () => {
    write("server/app/walk/history.html", `<script src="/_next/static/chunks/history.js" async=""></script>`);
    write(
      "server/app/walk/history/page_client-reference-manifest.js",
      `globalThis.__RSC_MANIFEST={"/walk/history/page":{"clientModules":{"h":{"chunks":["/_next/static/chunks/history.js"]}}}};`,
    );
    write(
      "server/app/walk/history/page/build-manifest.json",
      JSON.stringify({ rootMainFiles: ["static/chunks/framework.js"] }),
    );
    write("static/chunks/history.js", chunk(""));
    expect(walkPrecacheFiles(dir).files).toContain("static/chunks/history.js");
  });
});

describe("a build it cannot read fails loudly", () => {
  it("when /walk is not prerendered", () => {
    rmSync(path.join(dir, "server/app/walk.html"));
    expect(() => walkPrecacheFiles(dir)).toThrow(/walk\.html is missing/);
  });

  it("when a file named by a chunk does not exist", () => {
    rmSync(path.join(dir, "static/chunks/signature.js"));
    expect(() => walkPrecacheFiles(dir)).toThrow(/signature\.js is missing/);
  });

  it("when no chunk loaded by import() is found", () => {
    write("static/chunks/shell.js", chunk("e.i(3)"));
    expect(() => walkPrecacheFiles(dir)).toThrow(/found no chunk loaded by import\(\)/);
  });

  it("when the client reference manifest has another shape", () => {
    write(
      "server/app/walk/page_client-reference-manifest.js",
      `globalThis.__RSC_MANIFEST={"/walk/page":{"modules":{}}};`,
    );
    expect(() => walkPrecacheFiles(dir)).toThrow(/no client modules/);
  });

  it("when the HTML names no script", () => {
    write("server/app/walk.html", "<p>nothing</p>");
    expect(() => walkPrecacheFiles(dir)).toThrow(/names no script/);
  });
});
