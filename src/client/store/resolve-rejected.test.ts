import { beforeEach, describe, expect, it } from "vitest";
import { pushOutbox } from "../sync/push-outbox";
import { FakeTransport, okResult } from "../test-support/fake-transport";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { ResolveRefused, discardRejected, fixRejected } from "./resolve-rejected";
import { startWalk } from "./start-walk";

let db: RsDb;
let transport: FakeTransport;
const DEVICE = "7d1c3a2e-0000-4000-8000-000000000000";

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
  transport = new FakeTransport((m) =>
    (m.payload as { unitNumber?: string }).unitNumber === "BAD-1"
      ? {
          id: m.id,
          ok: false,
          type: m.type,
          code: "OTHER_CUSTOMER",
          message: "not this customer's unit",
          retryable: false,
        }
      : okResult(m),
  );
});

async function refusedRepair() {
  const { repair } = await captureRepair(db, {
    walkId: WALK_ID,
    customerId: CUSTOMER_ID,
    unitNumber: "BAD-1",
    jobId: crypto.randomUUID(),
    breakIndex: 0,
    damageType: "CHIP",
    photos: [photo()],
    completedOnSpot: false,
  });
  await pushOutbox(db, transport, { deviceId: DEVICE });
  const entry = (await db.outbox.where("recordId").equals(repair.id).first())!;
  return { repair, entry };
}

describe("rejected changes", () => {
  it("fix: a find fixed on the spot is sent again with the completion checklist ticked", async () => {
    const { repair } = await captureRepair(db, {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: "BAD-1",
      jobId: crypto.randomUUID(),
      breakIndex: 0,
      damageType: "CHIP",
      photos: [photo(), photo("AFTER")],
      completedOnSpot: true,
    });
    await pushOutbox(db, transport, { deviceId: DEVICE });
    const entry = (await db.outbox.where("recordId").equals(repair.id).first())!;
    const confirmedAt = new Date("2026-03-02T09:00:00Z");
    await fixRejected(db, entry.id, { unitNumber: "SR-010", spotChecklist: [{ item: "Resin cured", confirmedAt }] });
    const payload = (await db.localRepairs.get(repair.id))!.payload;
    expect(payload.completedOnSpot).toMatchObject({ checklist: [{ item: "Resin cured", confirmedAt }] });
    expect(payload).not.toHaveProperty("spotChecklist");
  });

  it("fix: edits the repair and sends it again under a new mutation id", async () => {
    const { repair, entry } = await refusedRepair();
    await fixRejected(db, entry.id, { unitNumber: " sr-009 " });
    expect(await db.localRepairs.get(repair.id)).toMatchObject({ sync: "queued", unitNumber: "SR-009" });
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(transport.sentIds.at(-1)).not.toBe(entry.id);
    expect((await db.localRepairs.get(repair.id))?.sync).toBe("sent");
    expect(await db.outbox.count()).toBe(0);
  });

  it("discard: removes the refused repair and its blobs, nothing else", async () => {
    const { repair, entry } = await refusedRepair();
    await discardRejected(db, entry.id);
    expect(await db.localRepairs.get(repair.id)).toBeUndefined();
    expect(await db.blobs.where("ownerId").equals(repair.id).count()).toBe(0);
    expect(await db.localWalks.get(WALK_ID)).toBeDefined();
  });

  it("refuses to touch what the server has not refused", async () => {
    const { repair } = await captureRepair(db, {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: "SR-001",
      jobId: crypto.randomUUID(),
      breakIndex: 0,
      damageType: "CHIP",
      photos: [],
      completedOnSpot: false,
    });
    const pending = (await db.outbox.where("recordId").equals(repair.id).first())!;
    await expect(discardRejected(db, pending.id)).rejects.toThrow(ResolveRefused);
    await expect(fixRejected(db, pending.id)).rejects.toThrow(ResolveRefused);
    expect(await db.localRepairs.get(repair.id)).toBeDefined();
  });
});
