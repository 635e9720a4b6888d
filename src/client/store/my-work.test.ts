import { beforeEach, describe, expect, it } from "vitest";
import { QUALITY_SETTINGS_DEFAULT } from "~/domain/quality-settings";
import type { PreparedWork } from "../sync/contract";
import { pushOutbox } from "../sync/push-outbox";
import { FakeTransport, okResult } from "../test-support/fake-transport";
import { CUSTOMER_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import type { RsDb } from "./db";
import {
  WorkRefused,
  addWorkPhoto,
  completeWork,
  markWorkUrgent,
  queueWorkFollowUp,
  queueWorkParts,
  startWork,
  takeOpenWork,
  tickWorkItem,
  uncheckedItems,
  workChanges,
  workPhotosToFetch,
  workStatus,
} from "./my-work";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { discardRejected, fixRejected, reopenForPairs } from "./resolve-rejected";

const REPAIR_ID = "3b7f1e2a-5555-4a8e-9d41-000000000005";
const DEVICE = "7d1c3a2e-0000-4000-8000-000000000000";

function work(overrides: Partial<PreparedWork> = {}): PreparedWork {
  return {
    id: REPAIR_ID,
    status: "ASSIGNED",
    origin: "CUSTOMER_REQUEST",
    customerId: CUSTOMER_ID,
    customerName: "Summit Car Rentals",
    siteAddress: "1200 Airport Blvd",
    unitId: "3b7f1e2a-6666-4a8e-9d41-000000000006",
    unitNumber: "SR-7",
    make: null,
    model: null,
    damageType: "CHIP",
    damagePosition: "Driver side",
    customerNotes: "Chip low on the driver's side",
    technicianNotes: "",
    estimateCents: 5000,
    approvalKind: null,
    approvedAt: null,
    startedAt: null,
    createdAt: new Date("2026-03-01T10:00:00Z"),
    urgent: false,
    completionChecklist: [],
    photos: [{ id: "3b7f1e2a-7777-4a8e-9d41-000000000007", stage: "DAMAGE", mimeType: "image/jpeg", uploaded: true }],
    ...overrides,
  };
}

let db: RsDb;

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot({ myWork: [work()] }));
});

const row = async () => (await db.workRepairs.get(REPAIR_ID))!;

describe("My work on the device", () => {
  it("prepare stores the work, and lists the photos still to fetch", async () => {
    expect(workStatus(await row())).toBe("ASSIGNED");
    expect(await workPhotosToFetch(db)).toEqual([{ id: "3b7f1e2a-7777-4a8e-9d41-000000000007", repairId: REPAIR_ID }]);
  });

  it("start, after photo and completion each queue one change carrying its own id; the completion its after photo", async () => {
    await startWork(db, REPAIR_ID, new Date("2026-03-02T09:00:00Z"));
    expect(workStatus(await row())).toBe("IN_PROGRESS");
    await expect(completeWork(db, REPAIR_ID)).rejects.toThrow(WorkRefused);
    const meta = await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    await completeWork(db, REPAIR_ID, new Date("2026-03-02T09:30:00Z"));
    expect(workStatus(await row())).toBe("COMPLETED");

    const changes = await workChanges(db, REPAIR_ID);
    expect(changes.map((c) => c.type)).toEqual(["repair.start", "repair.addPhoto", "repair.complete"]);
    for (const c of changes) expect(c.type !== "walk.finish" && "payload" in c && c.payload.id).toBe(c.id);
    const completion = changes[2]!;
    expect(completion.type === "repair.complete" && completion.payload.attachments).toEqual([meta]);
    expect(await db.blobs.get(meta.id)).toMatchObject({ ownerId: REPAIR_ID, stage: "AFTER", ownerAcknowledged: 0 });
    await expect(startWork(db, REPAIR_ID)).rejects.toThrow(WorkRefused);
  });

  it("a sync sends the changes, keeps the frozen price and lets the after photo upload", async () => {
    await startWork(db, REPAIR_ID);
    const meta = await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    await completeWork(db, REPAIR_ID);
    const transport = new FakeTransport();
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(transport.batches[0]!.mutations.map((m) => m.type)).toEqual([
      "repair.start",
      "repair.addPhoto",
      "repair.complete",
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.blobs.get(meta.id)).toMatchObject({ ownerAcknowledged: 1 });
    expect((await row()).device.completedAt).toBeInstanceOf(Date);
  });

  it("a refusal stays on the item; sending again uses a new id, discarding undoes the change", async () => {
    await startWork(db, REPAIR_ID);
    const transport = new FakeTransport((m) => ({
      id: m.id,
      ok: false,
      type: m.type,
      code: "NOT_FOUND",
      message: "Repair not found.",
      retryable: false,
    }));
    await pushOutbox(db, transport, { deviceId: DEVICE });
    const [refused] = await workChanges(db, REPAIR_ID);
    expect(refused).toMatchObject({ state: "failed", lastError: { code: "NOT_FOUND" } });

    await fixRejected(db, refused!.id);
    const [again] = await workChanges(db, REPAIR_ID);
    expect(again!.id).not.toBe(refused!.id);
    expect(again!.type === "repair.start" && again!.payload.id).toBe(again!.id);
    await pushOutbox(db, transport, { deviceId: DEVICE });
    const [refusedAgain] = await workChanges(db, REPAIR_ID);
    await discardRejected(db, refusedAgain!.id);
    expect(await workChanges(db, REPAIR_ID)).toEqual([]);
    expect(workStatus(await row())).toBe("ASSIGNED");
  });

  it("a new prepare keeps what the device did until it is confirmed, and drops work no longer listed", async () => {
    await startWork(db, REPAIR_ID);
    await savePreparedSnapshot(db, snapshot({ myWork: [] }));
    expect(workStatus(await row())).toBe("IN_PROGRESS");
    const meta = await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    await pushOutbox(db, new FakeTransport(), { deviceId: DEVICE });
    await savePreparedSnapshot(db, snapshot({ myWork: [] }));
    expect(await row()).toBeDefined(); // its photo's bytes are not confirmed yet
    await db.blobs.update(meta.id, { confirmed: 1 });
    await savePreparedSnapshot(db, snapshot({ myWork: [work({ status: "IN_PROGRESS" })] }));
    expect(await row()).toMatchObject({ status: "IN_PROGRESS", device: { photoIds: [] } });
    expect(await db.blobContent.get(meta.id)).toBeUndefined(); // the server holds it now
    await savePreparedSnapshot(db, snapshot({ myWork: [] }));
    expect(await db.workRepairs.count()).toBe(0);
  });

  it("where pairs are required, each damage photo's paired after photo is taken before completing, and goes with it", async () => {
    const quality = {
      photoChecks: QUALITY_SETTINGS_DEFAULT.photoChecks,
      completionSteps: QUALITY_SETTINGS_DEFAULT.completionSteps,
    };
    await savePreparedSnapshot(db, snapshot({ myWork: [work()], quality: { ...quality, requirePhotoPairs: true } }));
    const serverDamage = "3b7f1e2a-7777-4a8e-9d41-000000000007";
    await startWork(db, REPAIR_ID);
    // An after photo of nothing does not document the damage photo: the completion waits, nothing queued.
    await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    await expect(completeWork(db, REPAIR_ID)).rejects.toThrow(
      "Take the after photo of the damage photo before completing: the business requires before/after pairs.",
    );
    const damage = await addWorkPhoto(db, REPAIR_ID, photo("DAMAGE"));
    await expect(completeWork(db, REPAIR_ID)).rejects.toThrow("each of the 2 damage photos");
    // Only a damage photo of this repair can be a "before".
    await expect(
      addWorkPhoto(db, REPAIR_ID, { ...photo("AFTER"), pairedWithId: "3b7f1e2a-9999-4a8e-9d41-000000000009" }),
    ).rejects.toThrow("An after photo pairs with a damage photo of the same repair.");
    await expect(addWorkPhoto(db, REPAIR_ID, { ...photo("DAMAGE"), pairedWithId: serverDamage })).rejects.toThrow(
      WorkRefused,
    );
    const first = await addWorkPhoto(db, REPAIR_ID, { ...photo("AFTER"), pairedWithId: serverDamage });
    expect(first.pairedWithId).toBe(serverDamage);
    await expect(completeWork(db, REPAIR_ID)).rejects.toThrow("Take the after photo of the damage photo");
    const second = await addWorkPhoto(db, REPAIR_ID, { ...photo("AFTER"), pairedWithId: damage.id });
    const entry = await completeWork(db, REPAIR_ID);
    expect(workStatus(await row())).toBe("COMPLETED");
    const attachments = entry.type === "repair.complete" ? entry.payload.attachments : [];
    expect(attachments.map((a) => [a.id, a.pairedWithId])).toEqual([
      [expect.any(String), undefined],
      [first.id, serverDamage],
      [second.id, damage.id],
    ]);
    // The pairing travels with each photo's own change too, and stays with its bytes on the device.
    const added = (await workChanges(db, REPAIR_ID)).flatMap((c) => (c.type === "repair.addPhoto" ? [c.payload] : []));
    expect(added.find((p) => p.photo.id === second.id)?.photo.pairedWithId).toBe(damage.id);
    expect(await db.blobs.get(second.id)).toMatchObject({ stage: "AFTER", pairedWithId: damage.id });
  });

  it("a completion the server refused for its pairs is reopened: photos kept, the rule applied from then on", async () => {
    const quality = {
      photoChecks: QUALITY_SETTINGS_DEFAULT.photoChecks,
      completionSteps: QUALITY_SETTINGS_DEFAULT.completionSteps,
    };
    await savePreparedSnapshot(db, snapshot({ myWork: [work()], quality }));
    await startWork(db, REPAIR_ID);
    const after = await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    await completeWork(db, REPAIR_ID);
    const transport = new FakeTransport((m) =>
      m.type === "repair.complete"
        ? {
            id: m.id,
            ok: false,
            type: m.type,
            code: "PHOTO_PAIR_REQUIRED",
            message: "Take the after photo of the damage photo before completing.",
            retryable: false,
          }
        : okResult(m),
    );
    await pushOutbox(db, transport, { deviceId: DEVICE });
    const [refused] = (await workChanges(db, REPAIR_ID)).filter((c) => c.state === "failed");
    expect(refused).toMatchObject({ type: "repair.complete", lastError: { code: "PHOTO_PAIR_REQUIRED" } });

    await reopenForPairs(db, refused!.id);
    expect(workStatus(await row())).toBe("IN_PROGRESS");
    expect((await row()).device.photoIds).toEqual([after.id]);
    expect(await db.blobContent.get(after.id)).toBeDefined();
    await expect(completeWork(db, REPAIR_ID)).rejects.toThrow("Take the after photo of the damage photo");
    await addWorkPhoto(db, REPAIR_ID, { ...photo("AFTER"), pairedWithId: "3b7f1e2a-7777-4a8e-9d41-000000000007" });
    await completeWork(db, REPAIR_ID);
    expect(workStatus(await row())).toBe("COMPLETED");
  });

  it("a server photo already paired counts; without the setting no pair is asked for", async () => {
    const serverDamage = "3b7f1e2a-7777-4a8e-9d41-000000000007";
    const paired = work({
      photos: [
        { id: serverDamage, stage: "DAMAGE", mimeType: "image/jpeg", uploaded: true },
        {
          id: "3b7f1e2a-8888-4a8e-9d41-000000000008",
          stage: "AFTER",
          mimeType: "image/jpeg",
          uploaded: true,
          pairedWithId: serverDamage,
        },
      ],
    });
    const quality = {
      photoChecks: QUALITY_SETTINGS_DEFAULT.photoChecks,
      completionSteps: QUALITY_SETTINGS_DEFAULT.completionSteps,
    };
    await savePreparedSnapshot(db, snapshot({ myWork: [paired], quality: { ...quality, requirePhotoPairs: true } }));
    await startWork(db, REPAIR_ID);
    await completeWork(db, REPAIR_ID);
    expect(workStatus(await row())).toBe("COMPLETED");

    await db.workRepairs.clear();
    await savePreparedSnapshot(db, snapshot({ myWork: [work()] }));
    await db.outbox.clear();
    await startWork(db, REPAIR_ID);
    await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    await completeWork(db, REPAIR_ID);
    expect(workStatus(await row())).toBe("COMPLETED");
  });

  it("where the customer requires a checklist, every item is ticked to complete and goes with the completion", async () => {
    const checklist = ["Resin cured under UV", "Customer shown the result"];
    await savePreparedSnapshot(db, snapshot({ myWork: [work({ completionChecklist: checklist })] }));
    await expect(tickWorkItem(db, REPAIR_ID, checklist[0]!, true)).rejects.toThrow(/Start the repair/);
    await startWork(db, REPAIR_ID);
    await addWorkPhoto(db, REPAIR_ID, photo("AFTER"));
    const first = new Date("2026-03-02T09:10:00Z");
    await tickWorkItem(db, REPAIR_ID, checklist[0]!, true, first);
    await expect(completeWork(db, REPAIR_ID)).rejects.toThrow(/Customer shown the result/);
    await expect(tickWorkItem(db, REPAIR_ID, "Something else", true)).rejects.toThrow(WorkRefused);
    await tickWorkItem(db, REPAIR_ID, checklist[1]!, true);
    await tickWorkItem(db, REPAIR_ID, checklist[1]!, false);
    expect(uncheckedItems(await row())).toEqual([checklist[1]]);
    const second = new Date("2026-03-02T09:20:00Z");
    await tickWorkItem(db, REPAIR_ID, checklist[1]!, true, second);
    expect(uncheckedItems(await row())).toEqual([]);

    // A new prepare keeps the ticks of work in progress.
    await pushOutbox(db, new FakeTransport(), { deviceId: DEVICE });
    await db.blobs.toCollection().modify({ confirmed: 1 });
    await savePreparedSnapshot(
      db,
      snapshot({ myWork: [work({ status: "IN_PROGRESS", completionChecklist: checklist })] }),
    );
    expect((await row()).device.checked).toEqual([
      { item: checklist[0], confirmedAt: first },
      { item: checklist[1], confirmedAt: second },
    ]);
    await db.workRepairs.update(REPAIR_ID, (r) => {
      r.photos = [{ id: "after-on-server", stage: "AFTER", mimeType: "image/jpeg", uploaded: true }];
    });
    await completeWork(db, REPAIR_ID);
    const [completion] = await workChanges(db, REPAIR_ID);
    expect(completion!.type === "repair.complete" && completion!.payload.checklist).toEqual([
      { item: checklist[0], confirmedAt: first },
      { item: checklist[1], confirmedAt: second },
    ]);
  });

  it("offline quick actions: urgency, follow-up and parts are queued with their own ids, sent, and undone on discard", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    await markWorkUrgent(db, REPAIR_ID, true, now);
    expect((await row()).device.urgent).toBe(true);
    await queueWorkFollowUp(db, REPAIR_ID, new Date("2026-03-09T12:00:00Z"), "  Check the crack  ", now);
    await queueWorkParts(db, REPAIR_ID, { item: "Bridge resin", quantity: 2, note: "", urgency: "URGENT" }, now);
    expect((await row()).device.partsQueued).toEqual([
      { id: expect.any(String) as string, item: "Bridge resin", quantity: 2 },
    ]);
    // The domain's rules are checked on the device too: nothing is queued.
    await expect(
      queueWorkParts(db, REPAIR_ID, { item: "Resin", quantity: 0, note: "", urgency: "ROUTINE" }),
    ).rejects.toThrow(WorkRefused);
    await expect(queueWorkFollowUp(db, REPAIR_ID, new Date("2026-01-01T12:00:00Z"), "late", now)).rejects.toThrow(
      /in the past/,
    );
    await expect(queueWorkFollowUp(db, REPAIR_ID, new Date("2026-03-09T12:00:00Z"), " ", now)).rejects.toThrow(
      WorkRefused,
    );

    const changes = await workChanges(db, REPAIR_ID);
    expect(changes.map((c) => c.type)).toEqual(["repair.markUrgent", "repair.followUp", "repair.requestParts"]);
    for (const c of changes) expect(c.type !== "walk.finish" && "payload" in c && c.payload.id).toBe(c.id);
    expect(changes[1]!.type === "repair.followUp" && changes[1]!.payload.note).toBe("Check the crack");

    // The server refuses the urgency and the parts request, accepts the follow-up.
    const transport = new FakeTransport((m) =>
      m.type === "repair.followUp"
        ? okResult(m)
        : { id: m.id, ok: false, type: m.type, code: "NOT_FOUND", message: "Repair not found.", retryable: false },
    );
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(transport.batches[0]!.mutations.map((m) => m.type)).toEqual([
      "repair.markUrgent",
      "repair.followUp",
      "repair.requestParts",
    ]);
    const refused = await workChanges(db, REPAIR_ID);
    expect(refused.map((c) => [c.type, c.state])).toEqual([
      ["repair.markUrgent", "failed"],
      ["repair.requestParts", "failed"],
    ]);
    for (const c of refused) await discardRejected(db, c.id);
    expect((await row()).device.urgent).toBeUndefined();
    expect((await row()).device.partsQueued).toEqual([]);
  });

  it("a parts request the server took leaves the device's waiting list", async () => {
    await queueWorkParts(db, REPAIR_ID, { item: "Bridge resin", quantity: 1, note: "", urgency: "ROUTINE" });
    await pushOutbox(db, new FakeTransport(), { deviceId: DEVICE });
    expect(await db.outbox.count()).toBe(0);
    expect((await row()).device.partsQueued).toEqual([]);
  });

  it("open work taken with Assign to Me moves into My work", async () => {
    const open = { ...work({ id: "3b7f1e2a-8888-4a8e-9d41-000000000008", photos: [] }), status: "REQUESTED" as const };
    await savePreparedSnapshot(db, snapshot({ myWork: [work()], openWork: [open] }));
    expect(await db.openWork.count()).toBe(1);
    await takeOpenWork(db, open.id, "ASSIGNED");
    expect(await db.openWork.count()).toBe(0);
    expect(await db.workRepairs.get(open.id)).toMatchObject({ status: "ASSIGNED", device: { photoIds: [] } });
    // A new prepare replaces the list.
    await savePreparedSnapshot(db, snapshot({ myWork: [work()], openWork: [] }));
    expect(await db.openWork.count()).toBe(0);
  });
});
