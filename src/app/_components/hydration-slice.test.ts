import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { sameElement } from "./hydration-slice";

function Part(_: { rights?: object; online?: boolean; onMessage?: () => void }) {
  return null;
}
function Other() {
  return null;
}

describe("a hydration slice re-renders its part only when the part's props change", () => {
  const rights = { canAssign: true };
  const onMessage = () => {};

  it("skips a parent's re-render that hands the same values", () => {
    expect(
      sameElement(createElement(Part, { rights, online: true }), createElement(Part, { rights, online: true })),
    ).toBe(true);
    expect(sameElement(createElement(Part, { onMessage }), createElement(Part, { onMessage }))).toBe(true);
  });

  it("re-renders for a changed value, a new object or function, another key or another component", () => {
    expect(sameElement(createElement(Part, { online: true }), createElement(Part, { online: false }))).toBe(false);
    expect(sameElement(createElement(Part, { rights }), createElement(Part, { rights: { ...rights } }))).toBe(false);
    expect(sameElement(createElement(Part, { onMessage }), createElement(Part, { onMessage: () => {} }))).toBe(false);
    expect(sameElement(createElement(Part, { key: "a" }), createElement(Part, { key: "b" }))).toBe(false);
    expect(sameElement(createElement(Part, {}), createElement(Other, {}))).toBe(false);
    expect(sameElement(createElement(Part, {}), createElement(Part, { online: true }))).toBe(false);
  });
});
