import { beforeEach, describe, expect, it } from "vitest";
import { pushOutbox } from "../sync/push-outbox";
import { uploadAttachments } from "../sync/upload-attachments";
import { FakeTransport } from "../test-support/fake-transport";
import { FakeUploadServer } from "../test-support/fake-upload-server";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { finishWalk } from "./finish-walk";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { pruneSyncedWalks } from "./prune-synced";
import { startWalk } from "./start-walk";
import { walkSummary } from "./walk-summary";

let db: RsDb;
let uploads: FakeUploadServer;
const DAY = 24 * 60 * 60 * 1000;
const ended = new Date("2026-03-02T12:00:00Z");

beforeEach(async () => {
  db = testDb();
  uploads = new FakeUploadServer();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
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
  const signature = {
    blob: new Blob([new Uint8Array(300)], { type: "image/png" }),
    mimeType: "image/png",
    sha256: "c".repeat(64),
  };
  await finishWalk(
    db,
    { walkId: WALK_ID, siteContactName: "Pat", signedSummary: await walkSummary(db, WALK_ID), signature },
    ended,
  );
  for (const id of [...repair.attachmentIds, (await db.localWalks.get(WALK_ID))!.signatureAttachmentId!]) {
    const row = (await db.blobs.get(id))!;
    uploads.know(id, row.sha256, row.size);
    uploads.files.get(id)!.complete = true;
  }
  await pushOutbox(db, new FakeTransport(), { deviceId: crypto.randomUUID() });
});

describe("pruneSyncedWalks", () => {
  it("keeps a walk until every part of it is confirmed, and for a while after it ended", async () => {
    expect(await pruneSyncedWalks(db, new Date(ended.getTime() + 3 * DAY))).toEqual([]); // files not confirmed yet
    await uploadAttachments(db, { fetch: uploads.fetch });
    expect(await pruneSyncedWalks(db, new Date(ended.getTime() + DAY))).toEqual([]); // too recent
    expect(await pruneSyncedWalks(db, new Date(ended.getTime() + 3 * DAY))).toEqual([WALK_ID]);
    expect([await db.localWalks.count(), await db.localRepairs.count(), await db.blobs.count()]).toEqual([0, 0, 0]);
  });
});
