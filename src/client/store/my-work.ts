// My work: the repairs given to the technician (assigned, or approved finds to come back for),
// done from the phone offline. Prepare stores them; starting, adding a photo and completing each
// write the device's state and one outbox entry in one transaction, like a capture. The server
// decides (ownership, transitions, the price frozen at completion); its refusal stays on the
// item until the user sends it again or discards it (resolve-rejected.ts). Where the customer
// requires a completion checklist, its items are ticked here and go with the completion. Where the
// business requires before/after pairs, each damage photo gets its after photo, taken beside it,
// and the completion waits for them (the server's rule, photoPairProblem, applied here offline).
import {
  FIELDS,
  type PartsRequestDraft,
  QuickActionRefused,
  assertFollowUp,
  checkPartsRequest,
  checkText,
  type PairablePhoto,
  missingChecklistItems,
  photoPairProblem,
} from "~/domain";
import type { PreparedWork } from "../sync/contract";
import { type CapturedPhoto, assertAcceptable, attachmentRows } from "./captured-file";
import type { OutboxEntry, RsDb, WorkDeviceState, WorkRepairRow } from "./db";
import { outboxEntry } from "./outbox";

export type WorkStatus = PreparedWork["status"] | "COMPLETED";

export class WorkRefused extends Error {}

/** The repair's status on this device: what the server said, moved on by what was done here since. */
export function workStatus(row: Pick<WorkRepairRow, "status" | "device">): WorkStatus {
  if (row.device.completedAt) return "COMPLETED";
  if (row.device.startedAt) return "IN_PROGRESS";
  return row.status;
}

const NOTHING_DONE: WorkDeviceState = { photoIds: [] };

/**
 * Replaces the prepared work, in the caller's transaction (db.workRepairs, db.workPhotos,
 * db.outbox, db.blobs). What was done on the device and not yet confirmed, with all its files, is
 * kept: a repair the server no longer lists (completed from here, reassigned) stays while a
 * change or file of it is on its way, and goes afterwards.
 */
export async function saveMyWork(db: RsDb, work: readonly PreparedWork[]): Promise<void> {
  const existing = await db.workRepairs.toArray();
  const prepared = new Map(work.map((w) => [w.id, w]));
  const busy = new Set<string>();
  for (const row of existing) if (await hasWorkInFlight(db, row.id)) busy.add(row.id);
  const rows: WorkRepairRow[] = work.map((w) => {
    const before = existing.find((r) => r.id === w.id);
    if (before && busy.has(w.id)) return { ...w, device: before.device };
    // Ticked checklist items stay ticked on work still in progress: the technician did them.
    const checked = w.status === "IN_PROGRESS" ? before?.device.checked : undefined;
    return { ...w, device: checked ? { ...NOTHING_DONE, checked } : NOTHING_DONE };
  });
  const gone = existing.filter((r) => !prepared.has(r.id) && !busy.has(r.id)).map((r) => r.id);
  const kept = existing.filter((r) => !prepared.has(r.id) && busy.has(r.id));
  // Photos taken here for a repair whose changes are all confirmed: the server lists them now,
  // and they are fetched like its other photos (cacheWorkPhotos); the device's copies go.
  const settledPhotos = existing.filter((r) => !busy.has(r.id)).flatMap((r) => r.device.photoIds);
  await Promise.all([db.blobs.bulkDelete(settledPhotos), db.blobContent.bulkDelete(settledPhotos)]);
  await db.workRepairs.bulkDelete(gone);
  await db.workRepairs.bulkPut([...rows, ...kept]);
  // Kept photos of repairs no longer listed go with them; a photo the server lists stays.
  const listed = new Set(work.flatMap((w) => w.photos.map((p) => p.id)));
  const keep = new Set(kept.map((r) => r.id));
  await db.workPhotos.filter((p) => !listed.has(p.id) && !keep.has(p.repairId)).delete();
}

async function hasWorkInFlight(db: RsDb, repairId: string): Promise<boolean> {
  if ((await db.outbox.where("recordId").equals(repairId).count()) > 0) return true;
  const files = await db.blobs.where("ownerId").equals(repairId).toArray();
  return files.some((f) => f.confirmed !== 1);
}

/** The photos listed in the prepared work whose bytes the device does not hold yet. */
export async function workPhotosToFetch(db: RsDb): Promise<Array<{ id: string; repairId: string }>> {
  const rows = await db.workRepairs.toArray();
  const held = new Set(await db.workPhotos.toCollection().primaryKeys());
  return rows.flatMap((r) =>
    r.photos.filter((p) => p.uploaded && !held.has(p.id)).map((p) => ({ id: p.id, repairId: r.id })),
  );
}

/**
 * Fetches and keeps the photos of My work, so the cards show them offline: the same content URL
 * the office screens use, read once during prepare (the service worker does not cache it).
 */
export async function cacheWorkPhotos(db: RsDb, fetchImpl: typeof fetch = fetch): Promise<number> {
  let kept = 0;
  for (const photo of await workPhotosToFetch(db)) {
    try {
      const response = await fetchImpl(`/api/attachments/${photo.id}/content`, { credentials: "same-origin" });
      if (!response.ok) continue;
      await db.workPhotos.put({ ...photo, blob: await response.blob() });
      kept += 1;
    } catch {
      // Offline or refused: the card shows the photo as not on the device; the next prepare tries again.
    }
  }
  return kept;
}

const workTables = (db: RsDb) => [db.workRepairs, db.outbox, db.blobs, db.blobContent] as const;

async function workRow(db: RsDb, repairId: string): Promise<WorkRepairRow> {
  const row = await db.workRepairs.get(repairId);
  if (!row) throw new WorkRefused("This repair is not in My work on this device: prepare again.");
  return row;
}

/**
 * The repair's photos, the server's (as prepared) then the ones taken on this device, with their
 * stage and pairing: what the pair rule reads, in the order they were taken.
 */
export async function repairPhotos(db: RsDb, row: Pick<WorkRepairRow, "photos" | "device">): Promise<PairablePhoto[]> {
  const local = await db.blobs.bulkGet(row.device.photoIds);
  return [
    ...row.photos.map((p) => ({ id: p.id, stage: p.stage, pairedWithId: p.pairedWithId ?? null })),
    ...row.device.photoIds.map((id, i) => ({
      id,
      stage: local[i]?.stage ?? null,
      pairedWithId: local[i]?.pairedWithId ?? null,
    })),
  ];
}

/** Whether the business requires before/after pairs, as the last prepare said (off before one). */
export async function pairsRequired(db: RsDb): Promise<boolean> {
  const row = await db.meta.get("quality");
  return row?.key === "quality" && row.value.requirePhotoPairs === true;
}

/** The technician begins the work; the server records it when the device next syncs. */
export async function startWork(db: RsDb, repairId: string, now = new Date()): Promise<OutboxEntry> {
  return db.transaction("rw", workTables(db), async () => {
    const row = await workRow(db, repairId);
    const status = workStatus(row);
    if (status !== "APPROVED" && status !== "ASSIGNED")
      throw new WorkRefused(`This repair is ${status.toLowerCase().replace("_", " ")}: it cannot be started.`);
    const id = crypto.randomUUID();
    const entry = {
      ...outboxEntry(repairId, { type: "repair.start", payload: { id, repairId, startedAt: now } }, now),
      id,
    };
    await db.outbox.add(entry);
    await db.workRepairs.update(repairId, { device: { ...row.device, startedAt: now } });
    return entry;
  });
}

/** A damage or after photo for the repair: its bytes kept to upload, its metadata queued. */
export async function addWorkPhoto(db: RsDb, repairId: string, photo: CapturedPhoto, now = new Date()) {
  assertAcceptable("PHOTO", photo);
  return db.transaction("rw", workTables(db), async () => {
    const row = await workRow(db, repairId);
    if (workStatus(row) === "COMPLETED") throw new WorkRefused("This repair is completed: no more photos.");
    if (photo.pairedWithId !== undefined) {
      const before = (await repairPhotos(db, row)).find((p) => p.id === photo.pairedWithId);
      if (photo.stage !== "AFTER" || before?.stage !== "DAMAGE")
        throw new WorkRefused("An after photo pairs with a damage photo of the same repair.");
    }
    const file = attachmentRows({ ownerType: "repair", ownerId: repairId }, "PHOTO", photo, photo.stage, now);
    const id = crypto.randomUUID();
    const mutation = { type: "repair.addPhoto" as const, payload: { id, repairId, photo: file.meta } };
    const entry = { ...outboxEntry(repairId, mutation, now), id };
    await db.blobs.add(file.row);
    await db.blobContent.add(file.content);
    await db.outbox.add(entry);
    await db.workRepairs.update(repairId, {
      device: { ...row.device, photoIds: [...row.device.photoIds, file.row.id] },
    });
    return file.meta;
  });
}

/** Ticks or unticks an item of the customer's completion checklist on work in progress. */
export async function tickWorkItem(db: RsDb, repairId: string, item: string, ticked: boolean, now = new Date()) {
  return db.transaction("rw", db.workRepairs, async () => {
    const row = await workRow(db, repairId);
    if (workStatus(row) !== "IN_PROGRESS") throw new WorkRefused("Start the repair before ticking its checklist.");
    if (!row.completionChecklist.includes(item)) throw new WorkRefused("This item is not on this repair's checklist.");
    const others = (row.device.checked ?? []).filter((c) => c.item !== item);
    const checked = ticked ? [...others, { item, confirmedAt: now }] : others;
    await db.workRepairs.update(repairId, { device: { ...row.device, checked } });
  });
}

/** The items of the customer's checklist not ticked yet on this device, in the checklist's order. */
export function uncheckedItems(row: Pick<WorkRepairRow, "completionChecklist" | "device">): string[] {
  return missingChecklistItems(
    row.completionChecklist,
    (row.device.checked ?? []).map((c) => c.item),
  );
}

/**
 * The work is done. It needs an after photo (each damage photo's, paired, where the business
 * requires pairs), and every item of the customer's checklist ticked; the ones taken on the device go with the completion
 * (the server counts an after photo that comes with its completion, its bytes following by upload).
 */
export async function completeWork(db: RsDb, repairId: string, now = new Date()): Promise<OutboxEntry> {
  return db.transaction("rw", [...workTables(db), db.meta], async () => {
    const row = await workRow(db, repairId);
    if (workStatus(row) !== "IN_PROGRESS") throw new WorkRefused("Start the repair before completing it.");
    const taken = (await db.blobs.bulkGet(row.device.photoIds)).filter((b) => b?.stage === "AFTER");
    const afterOnServer = row.photos.some((p) => p.stage === "AFTER" && p.uploaded);
    if (taken.length === 0 && !afterOnServer) throw new WorkRefused("Take an after photo before completing.");
    const pairs = photoPairProblem(await repairPhotos(db, row), await pairsRequired(db));
    if (pairs) throw new WorkRefused(pairs);
    const unchecked = uncheckedItems(row);
    if (unchecked.length > 0)
      throw new WorkRefused(`Confirm every checklist item before completing: ${unchecked.join(", ")}.`);
    // The items as this device showed them; the server checks them against the list as it stands.
    const checklist = (row.device.checked ?? []).filter((c) => row.completionChecklist.includes(c.item));
    const attachments = taken.flatMap((b) =>
      b
        ? [
            {
              id: b.id,
              kind: "PHOTO" as const,
              photoStage: "AFTER" as const,
              mimeType: b.mimeType,
              sizeBytes: b.size,
              sha256: b.sha256,
              ...(b.pairedWithId ? { pairedWithId: b.pairedWithId } : {}),
            },
          ]
        : [],
    );
    const id = crypto.randomUUID();
    const mutation = {
      type: "repair.complete" as const,
      payload: { id, repairId, completedAt: now, attachments, checklist },
    };
    const entry = { ...outboxEntry(repairId, mutation, now), id };
    await db.outbox.add(entry);
    await db.workRepairs.update(repairId, { device: { ...row.device, completedAt: now } });
    return entry;
  });
}

// Quick actions offline (docs/sync-protocol.md §2): Mark as Urgent, Create Follow-up and Request
// Parts are queued like the work itself, each with its client id, and checked by the server when
// sent. Assign to Me and Send to Customer are not queued: they need the network.

/** Marks the repair urgent (or clears the mark) on the device and queues the change. */
export async function markWorkUrgent(db: RsDb, repairId: string, urgent: boolean, now = new Date()) {
  return db.transaction("rw", workTables(db), async () => {
    const row = await workRow(db, repairId);
    const id = crypto.randomUUID();
    const entry = {
      ...outboxEntry(repairId, { type: "repair.markUrgent", payload: { id, repairId, urgent } }, now),
      id,
    };
    await db.outbox.add(entry);
    await db.workRepairs.update(repairId, { device: { ...row.device, urgent } });
    return entry;
  });
}

/** A follow-up of the repair, queued: the new repair's id is chosen here, so a replay makes one. */
export async function queueWorkFollowUp(db: RsDb, repairId: string, dueAt: Date, note: string, now = new Date()) {
  return db.transaction("rw", workTables(db), async () => {
    await workRow(db, repairId);
    // The repair's status is the server's to check when it arrives; the date and note are checked here too.
    asWorkRefusal(() => assertFollowUp({ originalStatus: "IN_PROGRESS", dueAt, now }));
    const text = checkText(note, FIELDS.followUpNote);
    if (!text.ok) throw new WorkRefused(text.problem);
    if (text.value === "") throw new WorkRefused("Say what the follow-up is for.");
    const id = crypto.randomUUID();
    const payload = { id, repairId, dueAt, note: text.value };
    const entry = { ...outboxEntry(repairId, { type: "repair.followUp", payload }, now), id };
    await db.outbox.add(entry);
    return entry;
  });
}

/** A parts request for the repair, checked by the server's own rule here and queued under its own id. */
export async function queueWorkParts(db: RsDb, repairId: string, draft: PartsRequestDraft, now = new Date()) {
  const checked = asWorkRefusal(() => checkPartsRequest(draft));
  return db.transaction("rw", workTables(db), async () => {
    const row = await workRow(db, repairId);
    const id = crypto.randomUUID();
    const payload = { id, repairId, ...checked };
    const entry = { ...outboxEntry(repairId, { type: "repair.requestParts", payload }, now), id };
    await db.outbox.add(entry);
    const queued = { id, item: checked.item, quantity: checked.quantity };
    await db.workRepairs.update(repairId, {
      device: { ...row.device, partsQueued: [...(row.device.partsQueued ?? []), queued] },
    });
    return entry;
  });
}

/** A domain rule's refusal, shown on the work screen like the device's own. */
function asWorkRefusal<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof QuickActionRefused) throw new WorkRefused(error.message);
    throw error;
  }
}

/**
 * Open work taken with Assign to Me (online: the server's claim answered): it moves into My work
 * with the status the server gave it, and leaves the open list. Nothing when it is not listed.
 */
export async function takeOpenWork(db: RsDb, repairId: string, status: WorkRepairRow["status"]): Promise<void> {
  await db.transaction("rw", [db.openWork, db.workRepairs], async () => {
    const open = await db.openWork.get(repairId);
    if (!open) return;
    await db.workRepairs.put({ ...open, status, device: NOTHING_DONE });
    await db.openWork.delete(repairId);
  });
}

/** What a refused change did on the device, undone when the user discards it (resolve-rejected.ts). */
export async function undoWorkChange(db: RsDb, entry: OutboxEntry): Promise<void> {
  const row = await db.workRepairs.get(entry.recordId);
  if (entry.type === "repair.followUp") return;
  if (entry.type === "repair.markUrgent") {
    if (row) {
      const { urgent: _urgent, ...device } = row.device;
      await db.workRepairs.update(row.id, { device });
    }
    return;
  }
  if (entry.type === "repair.requestParts") {
    if (row) {
      const partsQueued = (row.device.partsQueued ?? []).filter((p) => p.id !== entry.payload.id);
      await db.workRepairs.update(row.id, { device: { ...row.device, partsQueued } });
    }
    return;
  }
  if (entry.type === "repair.addPhoto") {
    const photoId = entry.payload.photo.id;
    await Promise.all([db.blobs.delete(photoId), db.blobContent.delete(photoId)]);
    if (row)
      await db.workRepairs.update(row.id, {
        device: { ...row.device, photoIds: row.device.photoIds.filter((id) => id !== photoId) },
      });
    return;
  }
  if (!row) return;
  const { startedAt, completedAt, ...rest } = row.device;
  const device: WorkDeviceState =
    entry.type === "repair.start"
      ? { ...rest, ...(completedAt ? { completedAt } : {}) }
      : { ...rest, ...(startedAt ? { startedAt } : {}) };
  await db.workRepairs.update(row.id, { device });
}

/** The changes of a repair still waiting or refused, oldest first, for its card and screen. */
export async function workChanges(db: RsDb, repairId: string): Promise<OutboxEntry[]> {
  return (await db.outbox.where("recordId").equals(repairId).toArray()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}
