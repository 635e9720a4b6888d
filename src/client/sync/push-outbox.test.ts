import { beforeEach, describe, expect, it } from "vitest";
import { captureRepair } from "../store/capture-repair";
import type { RsDb } from "../store/db";
import { savePreparedSnapshot } from "../store/prepared-snapshot";
import { startWalk } from "../store/start-walk";
import { FakeTransport, okResult, repairAccepted } from "../test-support/fake-transport";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { SessionExpired, TransportFailed } from "./errors";
import { pushOutbox } from "./push-outbox";

let db: RsDb;
const DEVICE = "7d1c3a2e-0000-4000-8000-000000000000";

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
});

async function capture(unitNumber: string, photos = [photo()]) {
  const { repair } = await captureRepair(db, {
    walkId: WALK_ID,
    customerId: CUSTOMER_ID,
    unitNumber,
    jobId: crypto.randomUUID(),
    breakIndex: 0,
    damageType: "CHIP",
    photos,
    completedOnSpot: false,
  });
  return repair;
}

describe("pushOutbox", () => {
  it("sends batches of at most 50, in order", async () => {
    for (let i = 0; i < 119; i++) await capture(`U-${i}`, []);
    const transport = new FakeTransport();
    const progress: [number, number][] = [];
    await pushOutbox(db, transport, { deviceId: DEVICE, onProgress: (s, t) => progress.push([s, t]) });
    expect(transport.batches.map((b) => b.mutations.length)).toEqual([50, 50, 20]);
    expect(transport.batches[0]!.mutations[0]!.type).toBe("walk.start");
    expect(transport.batches.every((b) => b.deviceId === DEVICE)).toBe(true);
    expect(progress.at(-1)).toEqual([120, 120]);
    expect(await db.outbox.count()).toBe(0);
  });

  it("splits a batch whose JSON would pass the server's body limit, keeping the order", async () => {
    for (let i = 0; i < 9; i++) await capture(`B-${i}`, []);
    const transport = new FakeTransport();
    const oneCapture = new TextEncoder().encode(JSON.stringify((await db.localRepairs.toArray())[0]!.payload)).length;
    await pushOutbox(db, transport, { deviceId: DEVICE, bodyBudgetBytes: oneCapture * 3.5 });
    const sizes = transport.batches.map((b) => b.mutations.length);
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes.reduce((a, b) => a + b)).toBe(10);
    expect(transport.batches.every((b) => JSON.stringify(b.mutations).length <= oneCapture * 3.5 + 100)).toBe(true);
    expect(transport.sentIds).toEqual([...new Set(transport.sentIds)]);
    expect(await db.outbox.count()).toBe(0);
  });

  it("when a later part of a split batch fails, what was confirmed stays confirmed and the rest stays pending", async () => {
    for (let i = 0; i < 5; i++) await capture(`C-${i}`, []);
    const transport = new FakeTransport();
    let calls = 0;
    const push = transport.push.bind(transport);
    transport.push = (input) =>
      ++calls === 3 ? Promise.reject(new TransportFailed("OFFLINE", "dropped")) : push(input);
    await expect(pushOutbox(db, transport, { deviceId: DEVICE, bodyBudgetBytes: 1 })).rejects.toThrow(TransportFailed);
    expect(await db.outbox.count()).toBe(4);
    expect(await db.outbox.where("state").equals("pending").count()).toBe(4);
  });

  it("keeps the server's decision beside the device estimate and waits for the bytes", async () => {
    const repair = await capture("SR-001");
    const transport = new FakeTransport((m) =>
      m.type === "repair.capture"
        ? repairAccepted(m, {
            id: repair.id,
            status: "PENDING_APPROVAL",
            estimateCents: 4000,
            flaggedReason: "the device estimated $50.00, the server priced $40.00",
          })
        : okResult(m),
    );
    await pushOutbox(db, transport, { deviceId: DEVICE });
    const stored = await db.localRepairs.get(repair.id);
    expect(stored).toMatchObject({
      sync: "sent",
      server: { status: "PENDING_APPROVAL", estimateCents: 4000, differenceCents: -1000 },
    });
    expect(stored?.server?.flaggedReason).toMatch(/server priced/);
    expect((await db.blobs.get(repair.attachmentIds[0]!))?.ownerAcknowledged).toBe(1);
    expect((await db.localWalks.get(WALK_ID))?.startSync).toBe("synced");
  });

  it("a repair without attachments is synced as soon as the server confirms it", async () => {
    const repair = await capture("SR-001", []);
    await pushOutbox(db, new FakeTransport(), { deviceId: DEVICE });
    expect((await db.localRepairs.get(repair.id))?.sync).toBe("synced");
  });

  it("keeps a refused mutation with its error, retries a retryable one, removes only confirmed ones", async () => {
    const refused = await capture("SR-001");
    const flaky = await capture("SR-002");
    const transport = new FakeTransport((m) => {
      const id = (m.payload as { id: string }).id;
      if (id === refused.id)
        return {
          id: m.id,
          ok: false,
          type: m.type,
          code: "OTHER_CUSTOMER",
          message: "This unit belongs to another customer.",
          retryable: false,
        };
      if (id === flaky.id)
        return { id: m.id, ok: false, type: m.type, code: "INTERNAL", message: "try again", retryable: true };
      return okResult(m);
    });
    const counts = await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(counts).toEqual({ confirmed: 1, rejected: 1, retrying: 1 });
    expect(await db.localRepairs.get(refused.id)).toMatchObject({
      sync: "rejected",
      error: { code: "OTHER_CUSTOMER" },
    });
    expect(await db.outbox.where("recordId").equals(refused.id).first()).toMatchObject({
      state: "failed",
      lastError: { code: "OTHER_CUSTOMER" },
    });
    expect(await db.outbox.where("recordId").equals(flaky.id).first()).toMatchObject({ state: "pending", attempts: 1 });
    expect((await db.localRepairs.get(flaky.id))?.sync).toBe("queued");
    // Within one run a retryable entry is tried once; the next run sends it again.
    expect(transport.batches).toHaveLength(1);
    transport.decide = okResult;
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(transport.batches[1]!.mutations.map((m) => (m.payload as { id: string }).id)).toEqual([flaky.id]);
    expect(await db.outbox.count()).toBe(1); // only the refused one is left
  });

  it("a transport failure removes nothing; the same mutations are sent again and the server keeps one copy", async () => {
    const repair = await capture("SR-001");
    const transport = new FakeTransport();
    transport.failNext = new TransportFailed("SERVER_ERROR", "502");
    await expect(pushOutbox(db, transport, { deviceId: DEVICE })).rejects.toThrow(TransportFailed);
    expect(await db.outbox.count()).toBe(2);
    expect((await db.outbox.toArray()).every((e) => e.state === "pending" && e.attempts === 1)).toBe(true);
    expect((await db.localRepairs.get(repair.id))?.sync).toBe("queued");

    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(transport.batches[1]!.mutations.map((m) => m.id)).toEqual(transport.batches[0]!.mutations.map((m) => m.id));
    expect(transport.stored.size).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it("an answer lost on the way back is replayed safely: the server returns its first result", async () => {
    const repair = await capture("SR-001");
    const transport = new FakeTransport();
    const real = transport.push.bind(transport);
    let lose = true;
    transport.push = async (input) => {
      const output = await real(input);
      if (lose) {
        lose = false;
        throw new TransportFailed("OFFLINE", "connection dropped");
      }
      return output;
    };
    await expect(pushOutbox(db, transport, { deviceId: DEVICE })).rejects.toThrow("connection dropped");
    expect(await db.outbox.count()).toBe(2); // the server had it, but did not confirm: kept
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(transport.stored.size).toBe(2);
    expect((await db.localRepairs.get(repair.id))?.sync).toBe("sent");
  });

  it("an expired session pauses without counting an attempt or touching the queue", async () => {
    await capture("SR-001");
    const transport = new FakeTransport();
    transport.failNext = new SessionExpired();
    await expect(pushOutbox(db, transport, { deviceId: DEVICE })).rejects.toThrow(SessionExpired);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => [e.state, e.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
  });

  it("an answer missing for a mutation leaves it pending", async () => {
    await capture("SR-001");
    const transport = new FakeTransport();
    const real = transport.push.bind(transport);
    transport.push = async (input) => ({ ...(await real(input)), results: [] });
    const counts = await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(counts.retrying).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });
});
