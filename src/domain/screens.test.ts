import { describe, expect, it } from "vitest";
import { ACTOR_KINDS, type ActorKind } from "./actors";
import { HOME_FOR, mayOpen } from "./screens";

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
