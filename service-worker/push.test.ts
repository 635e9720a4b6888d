import { describe, expect, it, vi } from "vitest";
import { openFromNotification, readPushPayload, sameOriginUrl, showPush } from "./push";

const ORIGIN = "https://rs.test";

describe("push payloads", () => {
  it("reads the server's JSON, the link made absolute", () => {
    expect(
      readPushPayload(
        JSON.stringify({ title: "Approval needed", body: "AB-12", url: "/manager?repair=1", tag: "d1" }),
        ORIGIN,
      ),
    ).toEqual({ title: "Approval needed", body: "AB-12", url: "https://rs.test/manager?repair=1", tag: "d1" });
  });

  it("shows something useful for an empty or unreadable push", () => {
    expect(readPushPayload(null, ORIGIN).title).toBe("RS Systems");
    expect(readPushPayload("{not json", ORIGIN).url).toBe("/");
    expect(readPushPayload(JSON.stringify({ title: 7 }), ORIGIN).title).toBe("RS Systems");
  });

  it("never links to another origin", () => {
    expect(sameOriginUrl("https://evil.test/phish", ORIGIN)).toBe("https://rs.test/");
    expect(sameOriginUrl("javascript:alert(1)", ORIGIN)).toBe("https://rs.test/");
    expect(sameOriginUrl("/walk", ORIGIN)).toBe("https://rs.test/walk");
  });

  it("shows the notification with its tag and link", async () => {
    const show = vi.fn(() => Promise.resolve());
    await showPush(JSON.stringify({ title: "T", body: "B", url: "/walk", tag: "d9" }), ORIGIN, show);
    expect(show).toHaveBeenCalledWith(
      "T",
      expect.objectContaining({ body: "B", tag: "d9", data: { url: "https://rs.test/walk" } }),
    );
  });
});

describe("a click on a notification", () => {
  const windowAt = (url: string) => ({
    url,
    focus: vi.fn(() => Promise.resolve()),
    navigate: vi.fn(() => Promise.resolve()),
  });

  it("focuses a tab already on the screen", async () => {
    const tab = windowAt("https://rs.test/manager?repair=1");
    const openWindow = vi.fn();
    await openFromNotification({ url: "https://rs.test/manager?repair=1" }, ORIGIN, {
      matchAll: () => Promise.resolve([windowAt("https://rs.test/walk"), tab]),
      openWindow,
    });
    expect(tab.focus).toHaveBeenCalled();
    expect(openWindow).not.toHaveBeenCalled();
  });

  it("takes an open tab of the app to the screen, else opens one", async () => {
    const tab = windowAt("https://rs.test/walk");
    await openFromNotification({ url: "/manager?repair=2" }, ORIGIN, {
      matchAll: () => Promise.resolve([tab]),
      openWindow: vi.fn(),
    });
    expect(tab.navigate).toHaveBeenCalledWith("https://rs.test/manager?repair=2");
    const openWindow = vi.fn(() => Promise.resolve(null));
    await openFromNotification({ url: "https://evil.test/" }, ORIGIN, {
      matchAll: () => Promise.resolve([]),
      openWindow,
    });
    expect(openWindow).toHaveBeenCalledWith("https://rs.test/");
  });
});
