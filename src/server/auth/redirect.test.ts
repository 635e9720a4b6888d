import { describe, expect, it } from "vitest";
import { sameSiteRedirect } from "./redirect";

const baseUrl = "https://rs.example";

describe("sameSiteRedirect", () => {
  it("keeps a path or an absolute URL on this site", () => {
    expect(sameSiteRedirect({ url: "/walk?x=1", baseUrl })).toBe("https://rs.example/walk?x=1");
    expect(sameSiteRedirect({ url: "https://rs.example/login", baseUrl })).toBe("https://rs.example/login");
  });
  it("sends anything that could leave the site home", () => {
    for (const url of [
      "https://example.invalid/x",
      "//example.invalid/x",
      "/\\example.invalid/x",
      "/\t/example.invalid",
      "https://rs.example//example.invalid",
      "https://rs.example/\\example.invalid",
      "https://rs.example.invalid/walk",
      "https://rs.example@example.invalid/",
      "javascript:alert(1)",
      "http://rs.example/walk",
    ]) {
      expect(sameSiteRedirect({ url, baseUrl }), url).toBe(baseUrl);
    }
  });
});
