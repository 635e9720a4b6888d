import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import {
  API_POLICY,
  inlineScriptHashes,
  newNonce,
  pagePolicy,
  readBuiltPages,
  scriptsFor,
  tileSource,
} from "./content-security-policy";

const OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("pagePolicy", () => {
  it("allows scripts by nonce with 'strict-dynamic', never inline or eval (WebAssembly only), in production", () => {
    const policy = directives(
      pagePolicy({ scripts: { nonce: "abc" }, mapTilesUrl: OSM, https: false, development: false }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("media-src")).toEqual(["'self'", "blob:"]);
    expect(policy.get("img-src")).toEqual(["'self'", "blob:", "data:", "https://tile.openstreetmap.org"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows a prerendered page's inline scripts by hash and Next's chunks by 'self'", () => {
    const policy = directives(
      pagePolicy({
        scripts: { hashes: ["sha256-AAA", "sha256-BBB"] },
        mapTilesUrl: OSM,
        https: false,
        development: false,
      }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'sha256-AAA'", "'sha256-BBB'", "'wasm-unsafe-eval'"]);
  });

  it("upgrades insecure requests over https only, and allows eval in development only", () => {
    const https = directives(
      pagePolicy({ scripts: { nonce: "n" }, mapTilesUrl: OSM, https: true, development: false }),
    );
    expect(https.has("upgrade-insecure-requests")).toBe(true);
    const dev = directives(pagePolicy({ scripts: { nonce: "n" }, mapTilesUrl: OSM, https: false, development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });

  it("never allows inline scripts", () => {
    for (const scripts of [{ nonce: "n" }, { hashes: [] }]) {
      const policy = pagePolicy({ scripts, mapTilesUrl: OSM, https: true, development: true });
      expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
    }
  });
});

describe("tileSource", () => {
  it("is the template's origin, with a {s} subdomain as a wildcard", () => {
    expect(tileSource(OSM)).toBe("https://tile.openstreetmap.org");
    expect(tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png")).toBe("https://*.tile.example.org");
    expect(tileSource("http://localhost:8080/tiles/{z}/{x}/{y}.png")).toBe("http://localhost:8080");
  });

  it("is null for a host that cannot be a source (no policy injection through the setting)", () => {
    expect(tileSource("https://a.example.org;script-src*/{z}/{x}/{y}")).toBeNull();
    expect(tileSource("https://{z}.{s}.example.org/{z}/{x}/{y}")).toBeNull();
    expect(tileSource("/tiles/{z}/{x}/{y}.png")).toBeNull();
  });
});

describe("newNonce", () => {
  it("is fresh each time and 128 bits long", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each inline script's text, not scripts loaded by src", () => {
    const html =
      '<script src="/_next/static/a.js" async=""></script><script>self.__next_f=[]</script>' +
      '<script id="_R_">x()</script><SCRIPT type="module">\ny()\n</SCRIPT>';
    expect(inlineScriptHashes(html)).toEqual([sha256("self.__next_f=[]"), sha256("x()"), sha256("\ny()\n")]);
  });
});

describe("scriptsFor", () => {
  const root = mkdtempSync(path.join(tmpdir(), "csp-"));
  mkdirSync(path.join(root, "server/app/walk"), { recursive: true });
  writeFileSync(path.join(root, "server/app/walk.html"), "<script>walk()</script>");
  writeFileSync(path.join(root, "server/app/_not-found.html"), "<script>missing()</script>");
  writeFileSync(path.join(root, "server/app/index.html"), "<script>home()</script>");
  writeFileSync(
    path.join(root, "app-path-routes-manifest.json"),
    JSON.stringify({
      "/walk/page": "/walk",
      "/manager/page": "/manager",
      "/_not-found/page": "/_not-found",
      "/page": "/",
      "/api/trpc/[trpc]/route": "/api/trpc/[trpc]",
    }),
  );
  const built = readBuiltPages(root);
  const nonce = () => "fresh";

  it("gives a prerendered page its hashes, a rendered page a nonce, anything else the 404 page's hashes", () => {
    expect(scriptsFor("/walk", built, nonce)).toEqual({ hashes: [sha256("walk()")] });
    expect(scriptsFor("/walk/", built, nonce)).toEqual({ hashes: [sha256("walk()")] });
    expect(scriptsFor("/", built, nonce)).toEqual({ hashes: [sha256("home()")] });
    expect(scriptsFor("/manager", built, nonce)).toEqual({ nonce: "fresh" });
    expect(scriptsFor("/nowhere", built, nonce)).toEqual({ hashes: [sha256("missing()")] });
  });

  it("gives every page a nonce without a production build (next dev renders each request)", () => {
    expect(readBuiltPages(path.join(root, "absent"))).toBeNull();
    expect(scriptsFor("/walk", null, nonce)).toEqual({ nonce: "fresh" });
  });
});

describe("API answers", () => {
  it("carry the minimal policy (next.config.mjs)", async () => {
    const file = new URL("../../../next.config.mjs", import.meta.url).href;
    const nextConfig = ((await import(file)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    // Every /api path but /api/docs, the reference page, which sets a policy of its own.
    const api = rules.find((rule) => rule.source === "/api/:path((?!docs$).*)");
    expect(api?.headers).toContainEqual({ key: "Content-Security-Policy", value: API_POLICY });
    // No other rule sets a policy on pages: two policies would both apply.
    const others = rules.filter((rule) => rule !== api).flatMap((rule) => rule.headers);
    expect(others.map((h) => h.key.toLowerCase())).not.toContain("content-security-policy");
  });
});
