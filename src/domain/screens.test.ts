import { describe, expect, it } from "vitest";
import { ACTOR_KINDS, type ActorKind } from "./actors";
import { HOME_FOR, landingAfterSignIn, mayOpen, sameOriginPath } from "./screens";

// Written out by hand, not derived: which kind may open which home screen.
const EXPECTED: Record<string, readonly ActorKind[]> = {
  "/walk": ["technician", "manager", "admin"],
  "/manager": ["manager", "admin"],
  "/admin": ["admin"],
  "/portal": ["customer"],
};

describe("screens", () => {
  for (const [path, allowed] of Object.entries(EXPECTED)) {
    for (const kind of ACTOR_KINDS) {
      it(`${kind} ${allowed.includes(kind) ? "may" : "may not"} open ${path} and its sub-screens`, () => {
        expect(mayOpen(kind, path)).toBe(allowed.includes(kind));
        expect(mayOpen(kind, `${path}/anything`)).toBe(allowed.includes(kind));
      });
    }
  }
  it("sends every kind home to a screen it may open", () => {
    for (const kind of ACTOR_KINDS) expect(mayOpen(kind, HOME_FOR[kind])).toBe(true);
  });
  it("does not confuse a prefix with a longer name", () => {
    expect(mayOpen("customer", "/administrator")).toBe(true);
    expect(mayOpen("customer", "/admin")).toBe(false);
  });
});

// Each of these leaves the site, or could once a browser has tidied it up.
const HOSTILE = [
  "//example.invalid/x",
  "///example.invalid/x",
  "/\\example.invalid/x",
  "\\/example.invalid/x",
  "/\\/example.invalid",
  "\\\\example.invalid",
  "/\t/example.invalid/x",
  "/\n/example.invalid/x",
  "/\r/example.invalid",
  "/\u0000/example.invalid",
  "/\u007f",
  " //example.invalid",
  "https://example.invalid/x",
  "http:example.invalid",
  "HTTPS://EXAMPLE.INVALID",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "example.invalid/x",
  "walk",
  "",
  "/".padEnd(2001, "a"),
];

describe("sameOriginPath", () => {
  for (const bad of HOSTILE) {
    it(`refuses ${JSON.stringify(bad).slice(0, 60)}`, () => {
      expect(sameOriginPath(bad)).toBeNull();
    });
  }
  it("refuses what is not text", () => {
    for (const bad of [null, undefined, 42, ["/walk"], { path: "/walk" }]) expect(sameOriginPath(bad)).toBeNull();
  });
  it("keeps a path on this site with its query and fragment", () => {
    expect(sameOriginPath("/walk")).toBe("/walk");
    expect(sameOriginPath("/manager/repairs/abc?tab=photos#top")).toBe("/manager/repairs/abc?tab=photos#top");
    expect(sameOriginPath("/")).toBe("/");
  });
  it("normalizes dot segments and encoded slashes stay inside the path", () => {
    expect(sameOriginPath("/walk/../admin")).toBe("/admin");
    expect(sameOriginPath("/%2F%2Fexample.invalid")).toBe("/%2F%2Fexample.invalid");
    expect(sameOriginPath("/..//example.invalid")).toBeNull();
  });
});

describe("landingAfterSignIn", () => {
  it("goes home for a hostile or missing next", () => {
    for (const bad of [...HOSTILE, null, undefined]) expect(landingAfterSignIn("technician", bad)).toBe("/walk");
  });
  it("follows a same-origin next the user may open", () => {
    expect(landingAfterSignIn("manager", "/walk")).toBe("/walk");
    expect(landingAfterSignIn("admin", "/manager?tab=team")).toBe("/manager?tab=team");
  });
  it("goes home instead of a screen the user may not open, judged on the normalized path", () => {
    expect(landingAfterSignIn("technician", "/admin")).toBe("/walk");
    expect(landingAfterSignIn("technician", "/admin?x=1")).toBe("/walk");
    expect(landingAfterSignIn("technician", "/walk/../admin")).toBe("/walk");
    expect(landingAfterSignIn("customer", "/login")).toBe("/portal");
  });
});
