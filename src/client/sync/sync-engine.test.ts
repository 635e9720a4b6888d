import { beforeEach, describe, expect, it } from "vitest";
import { captureRepair } from "../store/capture-repair";
import type { RsDb } from "../store/db";
import { savePreparedSnapshot } from "../store/prepared-snapshot";
import { startWalk } from "../store/start-walk";
import { FakeTransport, okResult } from "../test-support/fake-transport";
import { FakeUploadServer } from "../test-support/fake-upload-server";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { SessionExpired } from "./errors";
import { SyncEngine, type SyncStatus } from "./sync-engine";

let db: RsDb;
let transport: FakeTransport;
let uploads: FakeUploadServer;
let timers: number[];
let online: boolean;

beforeEach(async () => {
  db = testDb();
  transport = new FakeTransport();
  uploads = new FakeUploadServer();
  timers = [];
  online = true;
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
});

const engine = () =>
  new SyncEngine({
    db,
    transport,
    fetch: uploads.fetch,
    isOnline: () => online,
    setTimer: (_run, ms) => timers.push(ms),
    clearTimer: () => {},
  });

async function capture() {
  const { repair } = await captureRepair(db, {
    walkId: WALK_ID,
    customerId: CUSTOMER_ID,
    unitNumber: "SR-001",
    jobId: crypto.randomUUID(),
    breakIndex: 0,
    damageType: "CHIP",
    photos: [photo()],
    completedOnSpot: false,
  });
  // The real server learns the attachment metadata from the capture mutation.
  for (const id of repair.attachmentIds) {
    const row = (await db.blobs.get(id))!;
    uploads.know(id, row.sha256, row.size);
    uploads.files.get(id)!.complete = true; // as if an earlier run had sent the bytes: these tests are about pushing
  }
  return repair;
}

describe("SyncEngine", () => {
  it("pushes, then uploads, and reports progress until everything is synced", async () => {
    const repair = await capture();
    const sync = engine();
    const phases: SyncStatus["phase"][] = [];
    sync.subscribe((s) => phases.push(s.phase));
    await sync.sync();
    expect((await db.localRepairs.get(repair.id))?.sync).toBe("synced");
    expect(phases).toContain("pushing");
    expect(phases).toContain("uploading");
    expect(sync.status).toMatchObject({ phase: "idle", records: { sent: 2, total: 2 }, nextRunAt: null });
    expect(timers).toEqual([]);
  });

  it("runs one sync at a time: requests during a run become one more run", async () => {
    await capture();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const push = transport.push.bind(transport);
    transport.push = async (input) => {
      await gate;
      return push(input);
    };
    const sync = engine();
    const runs = [sync.sync(), sync.sync(), sync.sync()];
    release();
    await Promise.all(runs);
    expect(transport.batches).toHaveLength(1); // the extra run found nothing left to push
  });

  it("backs off while work is left: 5 s, 10 s, 20 s …", async () => {
    await capture();
    transport.decide = (m) => ({
      id: m.id,
      ok: false,
      type: m.type,
      code: "INTERNAL",
      message: "later",
      retryable: true,
    });
    const sync = engine();
    for (let i = 0; i < 4; i++) await sync.sync();
    expect(timers).toEqual([5_000, 10_000, 20_000, 40_000]);
    transport.decide = okResult;
    await sync.sync();
    expect(timers).toHaveLength(4); // all done: no timer
  });

  it("pauses on an expired session, keeps the queue, and resumes after sign-in", async () => {
    await capture();
    transport.failNext = new SessionExpired();
    const sync = engine();
    await sync.sync();
    expect(sync.status.sessionExpired).toBe(true);
    expect(await db.outbox.count()).toBe(2);
    await sync.sync(); // paused: nothing sent
    expect(transport.batches).toHaveLength(1);
    await sync.resume();
    expect(sync.status.sessionExpired).toBe(false);
    expect(await db.outbox.count()).toBe(0);
  });

  it("does nothing offline, waits for the online event and asks for Background Sync", async () => {
    await capture();
    online = false;
    let backgroundSyncs = 0;
    const sync = new SyncEngine({
      db,
      transport,
      fetch: uploads.fetch,
      isOnline: () => online,
      onWorkLeft: () => backgroundSyncs++,
    });
    await sync.sync();
    expect(transport.batches).toHaveLength(0);
    expect(sync.status.lastError?.code).toBe("OFFLINE");
    expect(backgroundSyncs).toBe(1);
  });

  it("resends a send cut short by a closed tab", async () => {
    await capture();
    await db.outbox.toCollection().modify({ state: "sending" });
    await engine().sync();
    expect(await db.outbox.count()).toBe(0);
  });

  it("runs one tab's sync at a time: a second tab neither resets nor resends what the first is sending", async () => {
    await capture();
    await capture();
    const queued = await db.outbox.count();
    // A transport that holds its answer until released, while the first tab's entries are "sending".
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let pushed!: () => void;
    const firstPush = new Promise<void>((resolve) => (pushed = resolve));
    const slow = Object.assign(Object.create(transport) as FakeTransport, {
      push: async (input: Parameters<FakeTransport["push"]>[0]) => {
        pushed();
        await held;
        return transport.push(input);
      },
    });
    let queue = Promise.resolve();
    const exclusive = (run: () => Promise<void>) => {
      const turn = queue.then(run);
      queue = turn.catch(() => {});
      return turn;
    };
    const tab = () =>
      new SyncEngine({ db, transport: slow, fetch: uploads.fetch, setTimer: () => 0, clearTimer: () => {}, exclusive });
    const first = tab().sync();
    await firstPush;
    const second = tab().sync();
    // Give the second tab time to do whatever it would do before the first tab's answer arrives.
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([first, second]);
    expect(transport.sentIds).toHaveLength(queued);
    expect(new Set(transport.sentIds).size).toBe(queued);
    expect(await db.outbox.count()).toBe(0);
  });
});
