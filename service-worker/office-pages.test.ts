import { describe, expect, it } from "vitest";
import { isHashedBuildFile, isOfficeNavigation, pageKey, pageVerdict } from "./office-pages";

const request = (mode: RequestMode, headers: Record<string, string> = {}, method = "GET") =>
  ({ mode, method, headers: new Headers(headers) }) as Request;

describe("which requests the office worker answers", () => {
  it("takes navigations to /manager and /portal and their screens", () => {
    for (const href of ["https://rs.test/manager", "https://rs.test/manager/walks?x=1", "https://rs.test/portal/"])
      expect(isOfficeNavigation(request("navigate"), new URL(href)), href).toBe(true);
  });

  it("leaves RSC payloads, other screens, look-alike paths and non-navigations to the network", () => {
    expect(isOfficeNavigation(request("navigate", { RSC: "1" }), new URL("https://rs.test/manager"))).toBe(false);
    expect(isOfficeNavigation(request("navigate"), new URL("https://rs.test/manager?_rsc=a1"))).toBe(false);
    for (const href of [
      "https://rs.test/walk",
      "https://rs.test/admin",
      "https://rs.test/managers",
      "https://rs.test/",
    ])
      expect(isOfficeNavigation(request("navigate"), new URL(href)), href).toBe(false);
    expect(isOfficeNavigation(request("cors"), new URL("https://rs.test/manager"))).toBe(false);
    expect(isOfficeNavigation(request("navigate", {}, "POST"), new URL("https://rs.test/manager"))).toBe(false);
    expect(isHashedBuildFile(new URL("https://rs.test/_next/static/chunks/a1.js"))).toBe(true);
    expect(isHashedBuildFile(new URL("https://rs.test/api/trpc/manager.queue"))).toBe(false);
  });

  it("keeps one copy per screen and query, whatever the trailing slash or fragment", () => {
    expect(pageKey(new URL("https://rs.test/manager/#walk-3"))).toBe("https://rs.test/manager");
    expect(pageKey(new URL("https://rs.test/portal?tab=2"))).toBe("https://rs.test/portal?tab=2");
  });
});

describe("what a page response does to the kept copy", () => {
  const response = (status: number, type: ResponseType = "basic", redirected = false) =>
    ({ status, ok: status >= 200 && status < 300, type, redirected }) as Response;

  it("keeps a signed-in page", () => expect(pageVerdict(response(200))).toBe("keep"));

  it("forgets it when the session is gone or the screen is refused, so nobody reads it offline", () => {
    expect(pageVerdict(response(0, "opaqueredirect"))).toBe("forget");
    expect(pageVerdict(response(200, "basic", true))).toBe("forget");
    expect(pageVerdict(response(401))).toBe("forget");
    expect(pageVerdict(response(403))).toBe("forget");
  });

  it("leaves it as it was after a server error", () => expect(pageVerdict(response(503))).toBe("none"));
});
