import { afterEach, describe, expect, it, vi } from "vitest";
import { DEVICE_DB_NAME } from "~/client/store/db-name";

/** The module as a fresh page loads it, with an IndexedDB holding `names` (answered when `answer()` is called). */
async function pageWithDatabases(names: string[]) {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  vi.stubGlobal("window", {});
  vi.stubGlobal("indexedDB", {
    databases: async () => {
      await answered;
      return names.map((name) => ({ name, version: 1 }));
    },
  });
  vi.resetModules();
  const store = await import("./lazy-device-store");
  return { store, answer };
}

afterEach(() => vi.unstubAllGlobals());

describe("knownFirstVisit", () => {
  it("is false until IndexedDB has answered, then true on a device without the database", async () => {
    const { store, answer } = await pageWithDatabases(["another-app"]);
    expect(store.knownFirstVisit()).toBe(false);
    answer();
    expect(await store.deviceMayHoldData()).toBe(false);
    expect(store.knownFirstVisit()).toBe(true);
  });

  it("stays false on a device that holds the database", async () => {
    const { store, answer } = await pageWithDatabases([DEVICE_DB_NAME]);
    answer();
    expect(await store.deviceMayHoldData()).toBe(true);
    expect(store.knownFirstVisit()).toBe(false);
  });
});
