import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrated } from "./use-hydrated";

function Form() {
  const hydrated = useHydrated();
  return createElement("fieldset", { disabled: !hydrated }, createElement("input", { name: "unit" }));
}

describe("a form's fields in the server's HTML", () => {
  it("are disabled, so nothing typed before hydration can be thrown away", () => {
    expect(renderToString(createElement(Form))).toMatch(/<fieldset disabled="">/);
  });
});
