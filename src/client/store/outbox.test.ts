import { beforeEach, describe, expect, it } from "vitest";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { finishWalk } from "./finish-walk";
import { markSending, pendingBatch, resetInterruptedSends, takePendingBatch } from "./outbox";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { startWalk } from "./start-walk";
import { walkSummary } from "./walk-summary";

let db: RsDb;

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
});

async function walkWithRepairs(n: number) {
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
  for (let i = 0; i < n; i++) {
    await captureRepair(db, {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: `SR-10${i}`,
      jobId: crypto.randomUUID(),
      breakIndex: 0,
      damageType: "CHIP",
      photos: [photo()],
      completedOnSpot: false,
    });
  }
  const signature = {
    blob: new Blob([new Uint8Array(300)], { type: "image/png" }),
    mimeType: "image/png",
    sha256: "c".repeat(64),
  };
  await finishWalk(db, {
    walkId: WALK_ID,
    siteContactName: "Pat Lot",
    signedSummary: await walkSummary(db, WALK_ID),
    signature,
  });
}

describe("outbox", () => {
  it("keeps the order of creation: walk start, its repairs, then the finish", async () => {
    await walkWithRepairs(3);
    const batch = await pendingBatch(db, 50);
    expect(batch.map((e) => e.type)).toEqual([
      "walk.start",
      "repair.capture",
      "repair.capture",
      "repair.capture",
      "walk.finish",
    ]);
    expect(batch.map((e) => e.seq)).toEqual([...batch.map((e) => e.seq)].sort((a, b) => a! - b!));
  });

  it("starting a walk twice queues it once", async () => {
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
    expect(await db.outbox.count()).toBe(1);
  });

  it("takes at most the batch size, skipping refused entries", async () => {
    await walkWithRepairs(3);
    const [first] = await pendingBatch(db, 1);
    await db.outbox.update(first!.seq!, { state: "failed" });
    const next = await pendingBatch(db, 2);
    expect(next.map((e) => e.type)).toEqual(["repair.capture", "repair.capture"]);
  });

  it("sends a capture with its repair's payload, as the repair stands when the batch is taken", async () => {
    await walkWithRepairs(1);
    const repair = (await db.localRepairs.toArray())[0]!;
    await db.localRepairs.update(repair.id, { payload: { ...repair.payload, technicianNotes: "late edit" } });
    const { entries, mutations } = await takePendingBatch(db, 50);
    expect(entries.every((e) => e.state === "sending")).toBe(true);
    expect(mutations.map((m) => m.type)).toEqual(["walk.start", "repair.capture", "walk.finish"]);
    expect(mutations[1]).toMatchObject({
      id: entries[1]!.id,
      payload: { id: repair.id, technicianNotes: "late edit" },
    });
  });

  it("keeps a capture whose repair is gone out of the batch, refused for the user to discard", async () => {
    await walkWithRepairs(1);
    const repair = (await db.localRepairs.toArray())[0]!;
    await db.localRepairs.delete(repair.id);
    const { mutations } = await takePendingBatch(db, 50);
    expect(mutations.map((m) => m.type)).toEqual(["walk.start", "walk.finish"]);
    expect(await db.outbox.where("recordId").equals(repair.id).first()).toMatchObject({
      state: "failed",
      lastError: { code: "RECORD_MISSING" },
    });
  });

  it("holds back what was captured on a walk the server refused for good, refused with the walk's reason", async () => {
    await walkWithRepairs(2);
    const refusal = { code: "TECHNICIAN_BLOCKED", message: "This customer does not want this technician on its lots." };
    await db.localWalks.update(WALK_ID, { startSync: "rejected", error: refusal });
    const start = (await db.outbox.where("recordId").equals(WALK_ID).first())!;
    await db.outbox.update(start.seq!, { state: "failed", lastError: refusal });

    const { mutations } = await takePendingBatch(db, 10);
    expect(mutations).toEqual([]);
    const entries = await db.outbox.orderBy("seq").toArray();
    expect(entries.map((e) => [e.type, e.state, e.lastError?.code])).toEqual([
      ["walk.start", "failed", "TECHNICIAN_BLOCKED"],
      ["repair.capture", "failed", "WALK_REFUSED"],
      ["repair.capture", "failed", "WALK_REFUSED"],
      ["walk.finish", "failed", "WALK_REFUSED"],
    ]);
    const repairs = await db.localRepairs.toArray();
    expect(repairs.map((r) => r.sync)).toEqual(["rejected", "rejected"]);
    expect(repairs[0]!.error?.message).toBe(
      "The server refused the walk this belongs to: This customer does not want this technician on its lots. It cannot be sent; discard it.",
    );
    expect((await db.localWalks.get(WALK_ID))?.finishSync).toBe("rejected");
  });

  it("puts an interrupted send back to pending", async () => {
    await walkWithRepairs(1);
    await markSending(db, await pendingBatch(db, 50));
    expect(await pendingBatch(db, 50)).toHaveLength(0);
    expect(await resetInterruptedSends(db)).toBe(3);
    expect(await pendingBatch(db, 50)).toHaveLength(3);
  });

  it("the signed summary lists each unit's repairs and the total", async () => {
    await walkWithRepairs(2);
    const walk = await db.localWalks.get(WALK_ID);
    expect(walk?.status).toBe("FINISHED");
    expect(walk?.signedSummary).toMatchObject({
      units: [{ unitNumber: "SR-100" }, { unitNumber: "SR-101" }],
      totalCents: 10000,
    });
  });
});
