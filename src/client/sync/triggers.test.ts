import { describe, expect, it } from "vitest";
import { OUTBOX_SYNC_TAG, SYNC_REQUEST } from "../pwa/messages";
import { attachSyncTriggers, requestBackgroundSync } from "./triggers";

function fakeEnv() {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: "visible" });
  const serviceWorker = new EventTarget();
  return {
    env: { window, document, navigator: { serviceWorker } } as unknown as Parameters<typeof attachSyncTriggers>[1],
    window,
    document,
    serviceWorker,
  };
}

describe("attachSyncTriggers", () => {
  it("syncs at start, when back online, when the app is shown again and when the worker asks", () => {
    const { env, window, document, serviceWorker } = fakeEnv();
    let runs = 0;
    let kicks = 0;
    const detach = attachSyncTriggers({ sync: async () => void runs++, kick: async () => void kicks++ }, env);
    expect(runs).toBe(1);
    window.dispatchEvent(new Event("online"));
    document.dispatchEvent(new Event("visibilitychange"));
    serviceWorker.dispatchEvent(new MessageEvent("message", { data: SYNC_REQUEST }));
    serviceWorker.dispatchEvent(new MessageEvent("message", { data: { type: "something-else" } }));
    expect(runs).toBe(3);
    // Back online resets the backoff: the engine sends at once.
    expect(kicks).toBe(1);
    detach();
    window.dispatchEvent(new Event("online"));
    expect(runs + kicks).toBe(4);
  });
});

describe("requestBackgroundSync", () => {
  it("registers the outbox tag where the browser has Background Sync, and is quiet where not", async () => {
    const tags: string[] = [];
    const withSync = {
      serviceWorker: { ready: Promise.resolve({ sync: { register: async (tag: string) => void tags.push(tag) } }) },
    } as unknown as Navigator;
    expect(await requestBackgroundSync(withSync)).toBe(true);
    expect(tags).toEqual([OUTBOX_SYNC_TAG]);
    const without = { serviceWorker: { ready: Promise.resolve({}) } } as unknown as Navigator;
    expect(await requestBackgroundSync(without)).toBe(false);
  });
});
