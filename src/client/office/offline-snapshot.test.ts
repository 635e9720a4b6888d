import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueryClient } from "~/trpc/query-client";
import { tellServiceWorkerSignedOut } from "../pwa/signed-out";
import { OFFICE_SNAPSHOT_DB, keepSnapshots, oldestAnswerAt, restoreSnapshot } from "./offline-snapshot";

const QUEUE = ["manager", "queue"];
const answer = { repairs: [{ id: "r-1", capturedAt: new Date("2026-12-06T14:05:00Z") }] };
const afterSaveDelay = () => new Promise((resolve) => setTimeout(resolve, 700));
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

describe("the office screens' kept views", () => {
  beforeAll(() => {
    Object.assign(globalThis, { indexedDB: new IDBFactory(), IDBKeyRange, window: new EventTarget() });
  });
  afterAll(() => {
    for (const key of ["indexedDB", "IDBKeyRange", "window"]) Reflect.deleteProperty(globalThis, key);
  });

  it("keeps the last answers and gives them back, dates included, to the same user only", async () => {
    const online = createQueryClient();
    const stop = keepSnapshots(online, "u-1", "/manager");
    online.setQueryData(QUEUE, answer);
    await afterSaveDelay();
    stop();

    const offline = createQueryClient();
    expect(await restoreSnapshot(offline, "u-2", "/manager")).toBe(false);
    expect(await restoreSnapshot(offline, "u-1", "/portal")).toBe(false);
    expect(offline.getQueryData(QUEUE)).toBeUndefined();
    expect(await restoreSnapshot(offline, "u-1", "/manager")).toBe(true);
    expect(offline.getQueryData(QUEUE)).toEqual(answer);
    expect(oldestAnswerAt(offline)).toBe(online.getQueryState(QUEUE)!.dataUpdatedAt);
    expect(oldestAnswerAt(createQueryClient())).toBeNull();
  });

  it("ignores a view kept in the earlier superjson format instead of showing its wrapped answers", async () => {
    const client = createQueryClient();
    const stop = keepSnapshots(client, "u-3", "/portal");
    client.setQueryData(QUEUE, answer);
    await afterSaveDelay();
    stop();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(OFFICE_SNAPSHOT_DB);
      request.onsuccess = () => resolve(request.result);
    });
    const kept = await new Promise<{ state: { queries: { state: { data: unknown } }[] } }>((resolve) => {
      const request = db.transaction("snapshots").objectStore("snapshots").get("u-3:/portal");
      request.onsuccess = () => resolve(request.result);
    });
    expect(kept.state.queries[0]!.state.data).toEqual(answer);
    const queries = kept.state.queries.map((q) => ({ ...q, state: { ...q.state, data: { json: {}, meta: {} } } }));
    const legacy = { userId: "u-3", savedAt: Date.now(), state: { ...kept.state, queries } };
    await new Promise((resolve) => {
      const request = db.transaction("snapshots", "readwrite").objectStore("snapshots").put(legacy, "u-3:/portal");
      request.onsuccess = resolve;
    });
    db.close();
    const offline = createQueryClient();
    expect(await restoreSnapshot(offline, "u-3", "/portal")).toBe(false);
    expect(offline.getQueryData(QUEUE)).toBeUndefined();
  });

  it("is deleted at sign-out, and an answer arriving afterwards does not write it again", async () => {
    const client = createQueryClient();
    const stop = keepSnapshots(client, "u-1", "/manager");
    client.setQueryData(QUEUE, answer);
    await afterSaveDelay();
    expect(await databases()).toContain(OFFICE_SNAPSHOT_DB);

    await tellServiceWorkerSignedOut();
    client.setQueryData(QUEUE, { repairs: [] });
    await afterSaveDelay();
    stop();
    expect(await databases()).not.toContain(OFFICE_SNAPSHOT_DB);
    expect(await restoreSnapshot(createQueryClient(), "u-1", "/manager")).toBe(false);
  });
});
