import { beforeEach, describe, expect, it } from "vitest";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { AttachmentRefused } from "./captured-file";
import { CaptureRefused, type RepairDraft, captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { startWalk } from "./start-walk";

let db: RsDb;
const draft = (over: Partial<RepairDraft> = {}): RepairDraft => ({
  walkId: WALK_ID,
  customerId: CUSTOMER_ID,
  unitNumber: "SR-001",
  jobId: crypto.randomUUID(),
  breakIndex: 0,
  damageType: "CHIP",
  photos: [photo("DAMAGE")],
  completedOnSpot: false,
  ...over,
});

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, {
    customerId: CUSTOMER_ID,
    walkId: WALK_ID,
    gps: { latitude: 39.7, longitude: -104.9, accuracyM: 8 },
  });
});

describe("captureRepair", () => {
  it("writes the repair, its blobs and one outbox entry together", async () => {
    const voice = {
      blob: new Blob([new Uint8Array(500)], { type: "audio/webm" }),
      mimeType: "audio/webm",
      sha256: "b".repeat(64),
    };
    const { repair } = await captureRepair(db, draft({ photos: [photo("DAMAGE"), photo("DAMAGE", 4096)], voice }));

    expect(await db.localRepairs.get(repair.id)).toMatchObject({
      sync: "queued",
      unitNumber: "SR-001",
      deviceEstimateCents: 5000,
    });
    const blobs = await db.blobs.bulkGet(repair.attachmentIds).then((rows) => rows.map((b) => b!));
    expect(blobs.map((b) => [b.kind, b.size])).toEqual([
      ["PHOTO", 2048],
      ["PHOTO", 4096],
      ["VOICE", 500],
    ]);
    // The bytes sit apart from the upload state, under the same id.
    expect(blobs[0]).not.toHaveProperty("blob");
    const content = await db.blobContent.bulkGet(repair.attachmentIds);
    expect(content.map((c) => c!.blob.size)).toEqual([2048, 4096, 500]);
    const entries = await db.outbox.where("recordId").equals(repair.id).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: "repair.capture", state: "pending", attempts: 0 });
    expect(entries[0]).not.toHaveProperty("payload");
    const { payload } = (await db.localRepairs.get(repair.id))!;
    expect(payload.attachments.map((a) => a.id)).toEqual(blobs.map((b) => b.id));
    expect(payload).toMatchObject({ deviceEstimateCents: 5000, deviceAutoApproved: true });
  });

  it("writes nothing when any part of the transaction fails", async () => {
    db.outbox.hook("creating", (_key, entry) => {
      if (entry.type === "repair.capture") throw new Error("disk full");
    });
    await expect(captureRepair(db, draft())).rejects.toThrow("disk full");
    expect(await db.localRepairs.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.outbox.filter((e) => e.type === "repair.capture").count()).toBe(0);
  });

  it("refuses a file the shared attachment rules refuse, with their message", async () => {
    const pdf = { ...photo(), mimeType: "application/pdf", blob: new Blob(["%PDF"], { type: "application/pdf" }) };
    await expect(captureRepair(db, draft({ photos: [pdf] }))).rejects.toThrow(AttachmentRefused);
    await expect(captureRepair(db, draft({ photos: [pdf] }))).rejects.toThrow(/photo must be image\/jpeg/);
    expect(await db.localRepairs.count()).toBe(0);
  });

  it("refuses a look-alike unit number or notes the server could not store, before queueing anything", async () => {
    await expect(captureRepair(db, draft({ unitNumber: "SR\u200b-002" }))).rejects.toThrow(
      /Unit number contains an invisible or direction-changing character/,
    );
    await expect(captureRepair(db, draft({ technicianNotes: "resin\u0000" }))).rejects.toThrow(CaptureRefused);
    expect(await db.localRepairs.count()).toBe(0);
    expect((await db.outbox.toArray()).filter((e) => e.type === "repair.capture")).toEqual([]);
  });

  it("needs the walk started on this device", async () => {
    await expect(captureRepair(db, draft({ walkId: crypto.randomUUID() }))).rejects.toThrow(CaptureRefused);
  });

  it("prices breaks of one job by their index, like the server", async () => {
    const jobId = crypto.randomUUID();
    const first = await captureRepair(db, draft({ jobId, breakIndex: 0 }));
    const second = await captureRepair(db, draft({ jobId, breakIndex: 1 }));
    const onKnownUnit = await captureRepair(db, draft({ unitNumber: "sr-002 " }));
    expect([first.repair.deviceEstimateCents, second.repair.deviceEstimateCents]).toEqual([5000, 4000]);
    // SR-002 has 2 completed repairs: third tier, and the typed number takes the known spelling.
    expect(onKnownUnit.repair).toMatchObject({ deviceEstimateCents: 3500, unitNumber: "SR-002" });
  });

  it("counts repairs fixed on the spot on this device before the next estimate", async () => {
    const fixed = await captureRepair(db, draft({ photos: [photo("DAMAGE"), photo("AFTER")], completedOnSpot: true }));
    const next = await captureRepair(db, draft());
    expect(fixed.repair.completedOnSpot).toBe(1);
    expect((await db.localRepairs.get(fixed.repair.id))?.payload).toHaveProperty("completedOnSpot.completedAt");
    expect(next.repair.deviceEstimateCents).toBe(4000);
  });

  it("does not let a repair that needs approval be fixed on the spot", async () => {
    const noPhoto = draft({ photos: [photo("AFTER")], completedOnSpot: true });
    await expect(captureRepair(db, noPhoto)).rejects.toThrow(/damage photo is required/);
    const noAfter = draft({ completedOnSpot: true });
    await expect(captureRepair(db, noAfter)).rejects.toThrow(/after photo/);
  });

  it("accepts a new unit number and prices it as a first repair", async () => {
    const { repair, estimate } = await captureRepair(db, draft({ unitNumber: "new-77" }));
    expect(repair.unitNumber).toBe("NEW-77");
    expect(estimate.quote.ordinal).toBe(1);
  });
});
