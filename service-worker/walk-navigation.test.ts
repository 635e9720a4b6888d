import { afterEach, describe, expect, it, vi } from "vitest";
import type { RouteHandlerCallbackOptions, RouteMatchCallbackOptions } from "workbox-core";
import { isFromWalkScreen, isRscRequest, isShellNavigation, shellNavigationHandler } from "./walk-navigation";

// Node cannot build a Request in "navigate" mode: the routes only read these fields.
const navigation = (href: string, headers: Record<string, string> = {}, mode: RequestMode = "navigate") =>
  ({
    request: { mode, headers: new Headers(headers) } as Request,
    url: new URL(href),
    sameOrigin: true,
  }) as RouteMatchCallbackOptions;

const shellHtml = new Response("<h1>shell</h1>");
const handle = (href: string, shell: Response | null = shellHtml) =>
  shellNavigationHandler(async (path) => (path === "/walk" ? (shell ?? undefined) : undefined))(
    navigation(href) as unknown as RouteHandlerCallbackOptions,
  );

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("which requests the shell route takes", () => {
  const matches = isShellNavigation(new Set(["/walk"]));

  it("takes page navigations to /walk, with or without a query or trailing slash", () => {
    for (const href of ["https://rs.test/walk", "https://rs.test/walk/", "https://rs.test/walk?unit=7"])
      expect(matches(navigation(href)), href).toBeTruthy();
  });

  it("leaves RSC payload requests, other screens and non-navigations to the network", () => {
    expect(
      isRscRequest(new Request("https://rs.test/walk", { headers: { RSC: "1" } }), new URL("https://rs.test/walk")),
    ).toBe(true);
    expect(matches(navigation("https://rs.test/walk", { RSC: "1" }))).toBeFalsy();
    expect(matches(navigation("https://rs.test/walk?_rsc=x1"))).toBeFalsy();
    expect(matches(navigation("https://rs.test/walk/unknown"))).toBeFalsy();
    expect(matches(navigation("https://rs.test/manager"))).toBeFalsy();
    expect(matches(navigation("https://rs.test/walk", {}, "cors"))).toBeFalsy();
  });
});

describe("network first, then the precached shell", () => {
  it("answers with the network response when there is one, a login redirect included", async () => {
    const redirect = new Response(null, { status: 307, headers: { Location: "/login?next=%2Fwalk" } });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => redirect),
    );
    expect(await handle("https://rs.test/walk")).toBe(redirect);
  });

  it("answers offline with the shell, whatever the query", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    expect(await handle("https://rs.test/walk?unit=7")).toBe(shellHtml);
  });

  it("answers with the shell when the network is slower than the timeout", async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      "fetch",
      vi.fn(() => new Promise<Response>(() => {})),
    );
    const response = handle("https://rs.test/walk");
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await response).toBe(shellHtml);
  });

  it("fails like the network when offline and nothing is precached yet", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    expect((await handle("https://rs.test/walk", null)).type).toBe("error");
  });
});

describe("which pages' requests are cached at run time", () => {
  const clients: Record<string, { url: string }> = {
    walk: { url: "https://rs.test/walk?from=home" },
    history: { url: "https://rs.test/walk/history" },
    login: { url: "https://rs.test/login?next=%2Fwalk" },
    manager: { url: "https://rs.test/manager" },
  };
  const fromWalk = (id: string | undefined) => isFromWalkScreen(id, async (key) => clients[key]);

  it("those of a /walk screen", async () => {
    expect(await fromWalk("walk")).toBe(true);
    expect(await fromWalk("history")).toBe(true);
  });

  it("not those of the login page, another screen, an unknown or no client", async () => {
    for (const id of ["login", "manager", "gone", undefined]) expect(await fromWalk(id), String(id)).toBe(false);
  });
});
