import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import type { RepairCapturePayload } from "../sync/contract";
import { CUSTOMER_ID, WALK_ID, snapshot } from "../test-support/snapshot";
import { RsDb } from "./db";
import { findUnit } from "./estimate-facts";
import { takePendingBatch } from "./outbox";

describe("RsDb upgrades", () => {
  it("version 2 indexes the units a device prepared under version 1 by their typed number", async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v1 = new Dexie("rs-upgrade", deps);
    v1.version(1).stores({ snapshotUnits: "id, customerId, [customerId+unitNumber]" });
    await v1.table("snapshotUnits").bulkAdd(snapshot().units);
    v1.close();

    const db = new RsDb("rs-upgrade", deps);
    expect((await findUnit(db, CUSTOMER_ID, " sr-002"))?.id).toBe("unit-2");
    db.close();
  });

  it("version 4 keeps every queued change and stores each capture's payload once, on its repair", async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const at = new Date("2026-03-02T09:00:00Z");
    const capture = (
      id: string,
      unitNumber: string,
      extra: Partial<RepairCapturePayload> = {},
    ): RepairCapturePayload => ({
      id,
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber,
      jobId: id,
      breakIndex: 0,
      damageType: "CHIP",
      customerNotes: "",
      technicianNotes: "",
      capturedAt: at,
      attachments: [],
      deviceEstimateCents: 5000,
      deviceAutoApproved: true,
      ...extra,
    });
    const [edited, refused, orphan] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const walkStart = { id: WALK_ID, customerId: CUSTOMER_ID, startedAt: at };
    const localRepair = (payload: RepairCapturePayload) => ({
      id: payload.id,
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: payload.unitNumber,
      jobId: payload.id,
      breakIndex: 0,
      capturedAt: at,
      payload,
      deviceEstimateCents: 5000,
      deviceAutoApproved: 1,
      deviceDecisionReason: "within the customer's limit",
      completedOnSpot: 0,
      attachmentIds: [],
      sync: "queued",
    });
    const entry = (type: string, recordId: string, payload: unknown, state = "pending") => ({
      id: crypto.randomUUID(),
      type,
      recordId,
      payload,
      state,
      attempts: state === "failed" ? 1 : 0,
      ...(state === "failed" ? { lastError: { code: "OTHER_CUSTOMER", message: "not theirs" } } : {}),
      createdAt: at,
    });
    // The outbox's copy is what would have been sent: it wins over a repair's stale one.
    const sentEdit = capture(edited, "SR-001", { damageType: "CRACK", technicianNotes: "edited" });
    const oldRows = [
      entry("walk.start", WALK_ID, walkStart),
      entry("repair.capture", edited, sentEdit),
      entry("repair.capture", refused, capture(refused, "BAD-1"), "failed"),
      entry(
        "repair.capture",
        orphan,
        capture(orphan, "SR-404", { breakIndex: 2, completedOnSpot: { completedAt: at } }),
      ),
    ];

    const v3 = new Dexie("rs-v3", deps);
    v3.version(3).stores({
      meta: "key",
      snapshotWalks: "id, customerId",
      snapshotCustomers: "id",
      snapshotUnits: "id, customerId, [customerId+unitKey]",
      localWalks: "id, customerId, status",
      localRepairs: "id, walkId, sync, jobId, [customerId+completedOnSpot]",
      blobs: "id, ownerId, confirmed",
      outbox: "++seq, &id, state, recordId",
      drafts: "id, walkId",
      draftFiles: "id, draftId, [draftId+role]",
    });
    await v3
      .table("localRepairs")
      .bulkAdd([
        localRepair(capture(edited, "SR-001")),
        { ...localRepair(capture(refused, "BAD-1")), sync: "rejected" },
      ]);
    await v3.table("outbox").bulkAdd(oldRows);
    v3.close();

    const db = new RsDb("rs-v3", deps);
    const outbox = await db.outbox.orderBy("seq").toArray();
    expect(outbox.map((e) => [e.id, e.type, e.recordId, e.state, e.attempts])).toEqual(
      oldRows.map((e) => [e.id, e.type, e.recordId, e.state, e.attempts]),
    );
    expect(outbox[0]).toMatchObject({ payload: walkStart });
    for (const e of outbox.slice(1)) expect(e).not.toHaveProperty("payload");
    expect(outbox[2]).toMatchObject({ lastError: { code: "OTHER_CUSTOMER" } });

    expect((await db.localRepairs.get(edited))?.payload).toEqual(sentEdit);
    expect((await db.localRepairs.get(refused))?.payload).toEqual(oldRows[2]!.payload);
    // A capture whose repair was missing gets its repair back instead of being lost.
    expect(await db.localRepairs.get(orphan)).toMatchObject({
      walkId: WALK_ID,
      unitNumber: "SR-404",
      breakIndex: 2,
      completedOnSpot: 1,
      sync: "queued",
      payload: oldRows[3]!.payload,
    });

    // What is sent next is exactly what the old outbox held.
    const { mutations } = await takePendingBatch(db, 50);
    expect(mutations).toEqual(
      oldRows.filter((e) => e.state === "pending").map(({ id, type, payload }) => ({ id, type, payload })),
    );
    db.close();
  });

  it("version 5 moves each file's bytes apart from its upload state, losing none", async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v4 = new Dexie("rs-v4", deps);
    v4.version(4).stores({ blobs: "id, ownerId, confirmed" });
    const photo = new Blob([new Uint8Array(3000).fill(7)], { type: "image/jpeg" });
    const state = {
      ownerType: "repair",
      ownerId: "repair-1",
      sha256: "c".repeat(64),
      mimeType: "image/jpeg",
      size: 3000,
      kind: "PHOTO",
      uploadedBytes: 1024,
      confirmed: 0,
      ownerAcknowledged: 1,
      createdAt: new Date(),
    };
    await v4.table("blobs").bulkAdd([
      { id: "half-sent", ...state, blob: photo },
      { id: "not-started", ...state, uploadedBytes: 0, blob: photo },
    ]);
    v4.close();

    const db = new RsDb("rs-v4", deps);
    const rows = await db.blobs.orderBy("id").toArray();
    expect(rows.map((r) => [r.id, r.uploadedBytes])).toEqual([
      ["half-sent", 1024],
      ["not-started", 0],
    ]);
    for (const row of rows) expect(row).not.toHaveProperty("blob");
    const content = await db.blobContent.bulkGet(["half-sent", "not-started"]);
    expect(content.map((c) => c?.blob.size)).toEqual([3000, 3000]);
    db.close();
  });
});
