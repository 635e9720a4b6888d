import { beforeEach, describe, expect, it } from "vitest";
import type { RepairCapturePayload } from "../sync/contract";
import { pushOutbox } from "../sync/push-outbox";
import { FakeTransport } from "../test-support/fake-transport";
import { CUSTOMER_ID, WALK_ID, photo, snapshot } from "../test-support/snapshot";
import { testDb } from "../test-support/test-db";
import { captureRepair } from "./capture-repair";
import type { RsDb } from "./db";
import { EditRefused, editQueuedRepair, editRefusal } from "./edit-queued-repair";
import { finishWalk } from "./finish-walk";
import { savePreparedSnapshot } from "./prepared-snapshot";
import { removalRefusal, removeQueuedRepair } from "./remove-queued-repair";
import { startWalk } from "./start-walk";
import { walkSummary } from "./walk-summary";

let db: RsDb;
const DEVICE = "7d1c3a2e-0000-4000-8000-000000000000";

beforeEach(async () => {
  db = testDb();
  await savePreparedSnapshot(db, snapshot());
  await startWalk(db, { customerId: CUSTOMER_ID, walkId: WALK_ID });
});

const queued = async () =>
  (
    await captureRepair(db, {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: "SR-101",
      jobId: crypto.randomUUID(),
      breakIndex: 0,
      damageType: "CHIP",
      damagePosition: "center",
      photos: [photo()],
      completedOnSpot: false,
    })
  ).repair;

const sentPayload = (transport: FakeTransport, repairId: string) =>
  transport.batches.flatMap((b) => b.mutations).find((m) => (m.payload as { id?: string }).id === repairId)
    ?.payload as RepairCapturePayload;

describe("editing a repair before it syncs", () => {
  it("changes what is queued and what the screen shows, and the server gets the edited description", async () => {
    const repair = await queued();
    await editQueuedRepair(db, repair.id, {
      damageType: "STAR_BREAK",
      damagePosition: "driver side",
      technicianNotes: "edge of the wiper arc",
      resinViscosity: "LOW",
    });
    const local = (await db.localRepairs.get(repair.id))!;
    expect(local.payload).toMatchObject({
      damageType: "STAR_BREAK",
      damagePosition: "driver side",
      technicianNotes: "edge of the wiper arc",
      resinViscosity: "LOW",
    });
    // What prices and approves it is untouched.
    expect(local.payload).toMatchObject({
      unitNumber: repair.unitNumber,
      deviceEstimateCents: repair.payload.deviceEstimateCents,
      attachments: repair.payload.attachments,
    });

    const transport = new FakeTransport();
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(sentPayload(transport, repair.id)).toMatchObject({
      damageType: "STAR_BREAK",
      damagePosition: "driver side",
      technicianNotes: "edge of the wiper arc",
    });
  });

  it("refuses notes the server could not store, and keeps the queued capture as it was", async () => {
    const repair = await queued();
    await expect(editQueuedRepair(db, repair.id, { customerNotes: "chip \ud83d" })).rejects.toThrow(
      /Notes for the customer contains a broken character/,
    );
    expect((await db.localRepairs.get(repair.id))!.payload.customerNotes).toBe("");
  });

  it("drops a position cleared to blank", async () => {
    const repair = await queued();
    await editQueuedRepair(db, repair.id, { damagePosition: "  " });
    expect((await db.localRepairs.get(repair.id))!.payload).not.toHaveProperty("damagePosition");
  });

  it("is refused while the repair is being sent, and the batch goes as it was read", async () => {
    const repair = await queued();
    let editDuringSend: Promise<unknown> | undefined;
    const transport = new FakeTransport();
    const push = transport.push.bind(transport);
    transport.push = async (input) => {
      editDuringSend = editQueuedRepair(db, repair.id, { damageType: "CRACK" }).catch((e: unknown) => e);
      await editDuringSend;
      return push(input);
    };
    await pushOutbox(db, transport, { deviceId: DEVICE });
    const refusal = await editDuringSend;
    expect(refusal).toBeInstanceOf(EditRefused);
    expect((refusal as Error).message).toBe("This repair is being sent right now: try again in a moment.");
    expect(sentPayload(transport, repair.id).damageType).toBe("CHIP");
    expect((await db.localRepairs.get(repair.id))!.payload.damageType).toBe("CHIP");
  });

  it("is refused once the server has the repair", async () => {
    const repair = await queued();
    await pushOutbox(db, new FakeTransport(), { deviceId: DEVICE });
    expect(await editRefusal(db, repair.id)).toBe("This repair has reached the server: ask a manager to change it.");
    await expect(editQueuedRepair(db, repair.id, { damageType: "CRACK" })).rejects.toThrow(EditRefused);
  });

  it("is refused once the walk's summary is signed", async () => {
    const repair = await queued();
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
    expect(await editRefusal(db, repair.id)).toBe(
      "The walk's summary is signed: this repair stays as the site contact saw it.",
    );
    await expect(editQueuedRepair(db, repair.id, { damageType: "CRACK" })).rejects.toThrow(EditRefused);
    expect((await db.localRepairs.get(repair.id))!.payload).toMatchObject({
      damageType: "CHIP",
    });
  });
});

describe("deleting a repair before it syncs", () => {
  const onUnit = (jobId: string, breakIndex: number, extra: Partial<Parameters<typeof captureRepair>[1]> = {}) =>
    captureRepair(db, {
      walkId: WALK_ID,
      customerId: CUSTOMER_ID,
      unitNumber: "SR-101",
      jobId,
      breakIndex,
      damageType: "CHIP",
      photos: [photo()],
      completedOnSpot: false,
      ...extra,
    });

  it("removes the repair, its queued capture and its files; the server never hears of it", async () => {
    const kept = await queued();
    const mistake = await queued();
    await removeQueuedRepair(db, mistake.id);
    expect(await db.localRepairs.get(mistake.id)).toBeUndefined();
    expect(await db.outbox.where("recordId").equals(mistake.id).count()).toBe(0);
    expect(await db.blobs.where("ownerId").equals(mistake.id).count()).toBe(0);
    expect(await db.blobs.where("ownerId").equals(kept.id).count()).toBe(1);
    const transport = new FakeTransport();
    await pushOutbox(db, transport, { deviceId: DEVICE });
    expect(sentPayload(transport, mistake.id)).toBeUndefined();
    expect(sentPayload(transport, kept.id)).toBeDefined();
  });

  it("takes a job's breaks from the last one back, since each break is priced by its place", async () => {
    const jobId = crypto.randomUUID();
    const first = (await onUnit(jobId, 0)).repair;
    const second = (await onUnit(jobId, 1)).repair;
    expect(await removalRefusal(db, first.id)).toBe(
      "Later breaks of this job were priced after it: delete them first.",
    );
    await expect(removeQueuedRepair(db, first.id)).rejects.toThrow(EditRefused);
    await removeQueuedRepair(db, second.id);
    await removeQueuedRepair(db, first.id);
    expect(await db.localRepairs.count()).toBe(0);
  });

  it("keeps a repair completed on the spot: the unit's later prices counted it", async () => {
    const fixed = (
      await onUnit(crypto.randomUUID(), 0, { photos: [photo("DAMAGE"), photo("AFTER")], completedOnSpot: true })
    ).repair;
    expect(await removalRefusal(db, fixed.id)).toBe(
      "This repair was completed on the spot and priced the unit's later repairs: it cannot be deleted.",
    );
    await expect(removeQueuedRepair(db, fixed.id)).rejects.toThrow(EditRefused);
    expect(await db.localRepairs.get(fixed.id)).toBeDefined();
  });

  it("is refused once the repair was sent", async () => {
    const repair = await queued();
    await pushOutbox(db, new FakeTransport(), { deviceId: DEVICE });
    await expect(removeQueuedRepair(db, repair.id)).rejects.toThrow(
      "This repair has reached the server: ask a manager to change it.",
    );
    expect(await db.localRepairs.get(repair.id)).toBeDefined();
  });
});
