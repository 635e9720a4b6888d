import { describe, expect, it } from "vitest";
import { pushOutbox } from "../sync/push-outbox";
import { FakeTransport, okResult } from "../test-support/fake-transport";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { queueStats } from "./queue-stats";
import { startWalk } from "./start-walk";

describe("queueStats", () => {
  it("counts changes and files not yet confirmed, the oldest, and the refused ones", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID }, new Date("2026-03-02T09:00:00Z"));
    expect(await queueStats(db)).toMatchObject({
      unsynced: 1,
      pendingChanges: 1,
      oldestAt: new Date("2026-03-02T09:00:00Z"),
      rejected: [],
    });

    const draft = {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      jobId: crypto.randomUUID(),
      breakIndex: 0,
      damageType: "CHIP" as const,
      completedOnSpot: false,
    };
    await captureRepair(db, { ...draft, unitNumber: "SR-001", photos: [photo("DAMAGE", 1000)] });
    await captureRepair(db, { ...draft, unitNumber: "BAD-1", photos: [] });
    await pushOutbox(
      db,
      new FakeTransport((m) =>
        (m.payload as { unitNumber?: string }).unitNumber === "BAD-1"
          ? { id: m.id, ok: false, type: m.type, code: "OTHER_CUSTOMER", message: "no", retryable: false }
          : okResult(m),
      ),
      { deviceId: crypto.randomUUID() },
    );

    const stats = await queueStats(db);
    expect(stats).toMatchObject({ unsynced: 2, pendingChanges: 0, pendingUploads: 1 });
    expect(stats.rejected).toMatchObject([{ type: "repair.capture", code: "OTHER_CUSTOMER" }]);
  });

  it("reads no file rows however many photos wait to upload (it runs after every save)", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
    for (let i = 0; i < 20; i++)
      await captureRepair(db, {
        walkId: WALK_ID,
        customerId: CUSTOMER_ID,
        unitNumber: `NEW-${i}`,
        jobId: crypto.randomUUID(),
        breakIndex: 0,
        damageType: "CHIP",
        completedOnSpot: false,
        photos: [photo("DAMAGE")],
      });
    let fileRowsRead = 0;
    db.blobs.hook("reading", (row) => {
      fileRowsRead++;
      return row;
    });
    expect(await queueStats(db)).toMatchObject({ unsynced: 41, pendingUploads: 20 });
    expect(fileRowsRead).toBeLessThanOrEqual(1);
  });
});
