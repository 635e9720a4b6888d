import { beforeEach, describe, expect, it } from "vitest";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { startWalk } from "./start-walk";
import {
  EMPTY_DRAFT_FIELDS,
  createDraft,
  discardDraft,
  draftHasContent,
  draftMedia,
  draftsOfWalk,
  loadDraft,
  putDraftFile,
  removeDraftFile,
  saveDraftFields,
} from "./unit-drafts";

let db: RsDb;
const place = () => ({ walkId: WALK_ID, unitNumber: "SR-001", jobId: crypto.randomUUID() });
const file = (id: string, type = "image/jpeg") => ({
  id,
  blob: new Blob([new Uint8Array(2048)], { type }),
  mimeType: type,
  sha256: "a".repeat(64),
});

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
});

describe("unit drafts", () => {
  it("keeps what was typed and the files taken, across a reopen of the database (a reload)", async () => {
    const draft = await createDraft(db, place());
    await saveDraftFields(db, draft.id, {
      ...EMPTY_DRAFT_FIELDS,
      damagePosition: "driver side",
      windshieldTemperatureC: "-",
    });
    await putDraftFile(db, draft.id, "DAMAGE", file("p1"));
    await putDraftFile(db, draft.id, "VOICE", file("v1", "audio/webm"));
    await putDraftFile(db, draft.id, "VOICE", file("v2", "audio/webm"));
    db.close();
    await db.open();

    const loaded = (await loadDraft(db, draft.id))!;
    expect(loaded.draft.fields).toMatchObject({ damagePosition: "driver side", windshieldTemperatureC: "-" });
    const media = draftMedia(loaded.files);
    expect(media.photos.map((p) => [p.key, p.stage, p.blob.size])).toEqual([["p1", "DAMAGE", 2048]]);
    // One voice note: recording again replaces it.
    expect(media.voice?.key).toBe("v2");
  });

  it("says whether leaving would lose anything", async () => {
    const draft = await createDraft(db, place());
    const empty = (await loadDraft(db, draft.id))!;
    expect(draftHasContent(empty)).toBe(false);
    await saveDraftFields(db, draft.id, { ...EMPTY_DRAFT_FIELDS, technicianNotes: "x" });
    expect(draftHasContent((await loadDraft(db, draft.id))!)).toBe(true);
    await saveDraftFields(db, draft.id, EMPTY_DRAFT_FIELDS);
    await putDraftFile(db, draft.id, "AFTER", file("a1"));
    expect(draftHasContent((await loadDraft(db, draft.id))!)).toBe(true);
    await removeDraftFile(db, "a1");
    expect(draftHasContent((await loadDraft(db, draft.id))!)).toBe(false);
  });

  it("lists a walk's unfinished units, the last touched first, and discards one only when asked", async () => {
    const first = await createDraft(db, place(), new Date("2026-12-01T10:00:00Z"));
    const second = await createDraft(db, { ...place(), unitNumber: "SR-002" }, new Date("2026-12-01T10:05:00Z"));
    await putDraftFile(db, first.id, "DAMAGE", file("p1"), new Date("2026-12-01T10:10:00Z"));
    expect((await draftsOfWalk(db, WALK_ID)).map((d) => d.draft.unitNumber)).toEqual(["SR-001", "SR-002"]);

    await discardDraft(db, first.id);
    expect((await draftsOfWalk(db, WALK_ID)).map((d) => d.draft.id)).toEqual([second.id]);
    expect(await db.draftFiles.count()).toBe(0);
  });

  it("is removed by the save that queues its repair, and only by that save", async () => {
    const draft = await createDraft(db, place());
    await putDraftFile(db, draft.id, "DAMAGE", file("p1"));
    const other = await createDraft(db, { ...place(), unitNumber: "SR-002" });

    await captureRepair(db, {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: "SR-001",
      jobId: draft.jobId,
      breakIndex: 0,
      damageType: "CHIP",
      photos: [photo("DAMAGE")],
      completedOnSpot: false,
      fromDraftId: draft.id,
    });
    expect(await loadDraft(db, draft.id)).toBeUndefined();
    expect(await db.draftFiles.where("draftId").equals(draft.id).count()).toBe(0);
    expect(await loadDraft(db, other.id)).toBeDefined();
    expect(await db.outbox.count()).toBe(2); // walk.start and the capture
  });

  it("survives a refused save: the draft stays when the capture is not queued", async () => {
    const draft = await createDraft(db, place());
    await expect(
      captureRepair(db, {
        walkId: "not-on-this-device",
        customerId: CUSTOMER_ID,
        unitNumber: "SR-001",
        jobId: draft.jobId,
        breakIndex: 0,
        damageType: "CHIP",
        photos: [photo("DAMAGE")],
        completedOnSpot: false,
        fromDraftId: draft.id,
      }),
    ).rejects.toThrow();
    expect(await loadDraft(db, draft.id)).toBeDefined();
  });
});
