import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adoptEarlierLastUser, forgetUser, lastUser, rememberUser } from "./last-user";

/** The browser's localStorage, in memory (node has none). */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

/** Stores `value` as idb-keyval did (database "keyval-store", store "keyval"), then closes it. */
function storeAsEarlierVersions(key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("keyval-store");
    open.onupgradeneeded = () => open.result.createObjectStore("keyval");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("keyval", "readwrite");
      tx.objectStore("keyval").put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
    };
  });
}

const USER = { userId: "u-1", name: "Taylor Tech", email: "taylor@example.com", kind: "STAFF" };

describe("last user", () => {
  beforeEach(() => {
    Object.assign(globalThis, { localStorage: new MemoryStorage(), indexedDB: new IDBFactory(), IDBKeyRange });
  });
  afterEach(() => {
    for (const key of ["localStorage", "indexedDB", "IDBKeyRange"]) Reflect.deleteProperty(globalThis, key);
  });

  it("is read back synchronously with its date, and forgotten", () => {
    expect(lastUser()).toBeNull();
    rememberUser(USER, new Date("2026-03-02T08:00:00Z"));
    expect(lastUser()).toEqual({ ...USER, seenAt: new Date("2026-03-02T08:00:00Z") });
    forgetUser();
    expect(lastUser()).toBeNull();
  });

  it("is adopted once from where earlier versions kept it, whose database is then deleted", async () => {
    await storeAsEarlierVersions("rs-last-user", { ...USER, seenAt: new Date("2026-03-01T08:00:00Z") });
    await adoptEarlierLastUser();
    expect(lastUser()).toEqual({ ...USER, seenAt: new Date("2026-03-01T08:00:00Z") });
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain("keyval-store");
    await adoptEarlierLastUser(); // nothing left to adopt: no error, nothing changed
    expect(lastUser()?.name).toBe("Taylor Tech");
  });

  it("does not replace a user seen since", async () => {
    await storeAsEarlierVersions("rs-last-user", {
      ...USER,
      name: "Earlier User",
      seenAt: new Date("2026-03-01T08:00:00Z"),
    });
    rememberUser(USER, new Date("2026-03-02T08:00:00Z"));
    await adoptEarlierLastUser();
    expect(lastUser()?.name).toBe("Taylor Tech");
  });
});
