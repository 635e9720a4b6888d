import { describe, expect, it } from "vitest";
import { decodeRemembered, encodeRemembered } from "~/app/walk/_lib/remembered";
import { pushOutbox } from "../sync/push-outbox";
import { FakeTransport, okResult } from "../test-support/fake-transport";
import { CUSTOMER_ID, WALK_ID, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import { EMPTY_OFFLINE_DATA, EMPTY_QUEUE, EMPTY_TODAY, EMPTY_WALK_LIST } from "./home-views";
import { offlineDataView, queueView, todayView, walkListView } from "./home-queries";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { startWalk } from "./start-walk";

describe("home queries", () => {
  it("answer the empty device's views on an empty database", async () => {
    const db = testDb();
    expect(await queueView(db)).toEqual(EMPTY_QUEUE);
    expect(await walkListView(db)).toEqual(EMPTY_WALK_LIST);
    expect(await offlineDataView(db)).toEqual(EMPTY_OFFLINE_DATA);
    expect(await todayView(db)).toEqual(EMPTY_TODAY);
  });

  it("keep today's stops in the prepared driving order, with only what home draws", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    expect(await todayView(db)).toEqual({
      day: "2026-03-02",
      startTime: "08:00",
      totalKm: 24.3,
      stops: [
        {
          kind: "walk",
          id: WALK_ID,
          position: 1,
          customerName: "Summit Car Rentals",
          siteName: "Airport lot",
          address: "1200 Airport Blvd",
          legKm: 24.3,
          eta: "08:36",
          plannedTime: "09:00",
          lateByMinutes: 0,
          unitNumber: "",
        },
      ],
      unlocated: [],
    });
    // A new prepare replaces the day as a whole.
    await savePreparedSnapshot(db, snapshot({ today: { ...snapshot().today, stops: [] } }));
    expect((await todayView(db))?.stops).toEqual([]);
  });

  it("count what was prepared, by index, with the price list versions", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    expect(await offlineDataView(db)).toEqual({
      walks: 1,
      customers: 1,
      units: 2,
      priceListVersions: [snapshot().customers[0]!.pricing.version],
      preparedAt: new Date("2026-03-02T08:00:00Z"),
    });
  });

  it("list prepared and local walks with only what home draws", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID }, new Date("2026-03-02T09:00:00Z"));
    expect(await walkListView(db)).toEqual({
      customers: [{ id: CUSTOMER_ID, name: "Summit Car Rentals", favorite: false }],
      prepared: [
        { id: WALK_ID, customerId: CUSTOMER_ID, status: "SCHEDULED", scheduledFor: new Date("2026-03-02T07:30:00Z") },
      ],
      local: [
        { id: WALK_ID, customerId: CUSTOMER_ID, status: "IN_PROGRESS", startedAt: new Date("2026-03-02T09:00:00Z") },
      ],
    });
  });

  it("name the unit of each refused repair beside the queue counts", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
    const draft = { walkId: WALK_ID, customerId: CUSTOMER_ID, breakIndex: 0, damageType: "CHIP" as const };
    await captureRepair(db, {
      ...draft,
      jobId: crypto.randomUUID(),
      completedOnSpot: false,
      unitNumber: "SR-001",
      photos: [],
    });
    const { repair: bad } = await captureRepair(db, {
      ...draft,
      jobId: crypto.randomUUID(),
      completedOnSpot: false,
      unitNumber: "bad-1",
      photos: [],
    });
    await pushOutbox(
      db,
      new FakeTransport((m) =>
        (m.payload as { unitNumber?: string }).unitNumber === "BAD-1"
          ? { id: m.id, ok: false, type: m.type, code: "OTHER_CUSTOMER", message: "no", retryable: false }
          : okResult(m),
      ),
      { deviceId: crypto.randomUUID() },
    );
    const view = await queueView(db);
    expect(view.rejected).toMatchObject([{ type: "repair.capture", recordId: bad.id }]);
    expect(view.unitNumbers).toEqual({ [bad.id]: "BAD-1" });
  });

  it("survive being kept as text: dates come back as dates, date-like text stays text", async () => {
    const db = testDb();
    await savePreparedSnapshot(db, snapshot());
    await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
    for (const view of [await queueView(db), await walkListView(db), await offlineDataView(db)])
      expect(decodeRemembered(encodeRemembered(view))).toEqual(view);
    const text = { name: "2026-03-02T08:00:00.000Z", at: new Date("2026-03-02T08:00:00Z") };
    expect(decodeRemembered(encodeRemembered(text))).toEqual(text);
  });
});
