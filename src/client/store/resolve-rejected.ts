// What the user can do with a change the server refused: fix it and send it again, or discard
// it. Only refused entries qualify: anything the server has not answered stays untouched.
import { firstTextProblem } from "~/domain";
import type { RepairCapturePayload } from "../sync/contract";
import { type OutboxEntry, type RsDb, isWorkChange } from "./db";
import { withoutUndefined } from "./without-undefined";
import { deleteFilesOf } from "./delete-files";
import { undoWorkChange } from "./my-work";

export type RepairFix = Partial<
  Pick<RepairCapturePayload, "unitNumber" | "damageType" | "damagePosition" | "customerNotes" | "technicianNotes">
> & {
  /** A find fixed on the spot: the completion checklist's items as ticked again (CHECKLIST_INCOMPLETE). */
  spotChecklist?: Array<{ item: string; confirmedAt: Date }>;
};

export class ResolveRefused extends Error {}

async function refusedEntry(db: RsDb, outboxId: string): Promise<OutboxEntry> {
  const entry = await db.outbox.where("id").equals(outboxId).first();
  if (!entry || entry.state !== "failed")
    throw new ResolveRefused("Only a change the server refused can be fixed or discarded.");
  return entry;
}

/** Sends the change again (edited, for a repair) under a new mutation id, in its original place in the queue. */
export async function fixRejected(db: RsDb, outboxId: string, repairFix: RepairFix = {}): Promise<void> {
  const { spotChecklist, ...fix } = repairFix;
  const { unitNumber, damagePosition, customerNotes, technicianNotes } = fix;
  const textProblem = firstTextProblem({ unitNumber, damagePosition, customerNotes, technicianNotes });
  if (textProblem) throw new ResolveRefused(textProblem);
  await db.transaction("rw", [db.outbox, db.localRepairs, db.localWalks], async () => {
    const entry = await refusedEntry(db, outboxId);
    if (isWorkChange(entry)) {
      // Sent again as it was (the manager may have fixed the assignment), under a new id below.
    } else if (entry.type === "repair.capture") {
      const repair = await db.localRepairs.get(entry.recordId);
      if (!repair) throw new ResolveRefused("This repair is no longer on the device: discard the change.");
      const edited: RepairCapturePayload = { ...repair.payload, ...withoutUndefined(fix) };
      if (fix.unitNumber !== undefined) edited.unitNumber = fix.unitNumber.trim().toUpperCase();
      if (spotChecklist && edited.completedOnSpot)
        edited.completedOnSpot = { ...edited.completedOnSpot, checklist: spotChecklist };
      // The queued capture sends the repair's payload: one record to change.
      await db.localRepairs.update(entry.recordId, {
        payload: edited,
        unitNumber: edited.unitNumber,
        sync: "queued",
        error: undefined,
      });
    } else {
      await db.localWalks.update(
        entry.recordId,
        entry.type === "walk.start"
          ? { startSync: "queued", error: undefined }
          : { finishSync: "queued", error: undefined },
      );
    }
    // A new id: the refusal may be remembered under the old one. A change on a repair of My work
    // carries its id in its payload too.
    const id = crypto.randomUUID();
    await db.outbox.update(entry.seq!, {
      id,
      state: "pending",
      attempts: 0,
      lastError: undefined,
      ...("payload" in entry && isWorkChange(entry) ? { payload: { ...entry.payload, id } } : {}),
    });
  });
}

/** Removes the refused change and what only it carried (the user's explicit choice). */
export async function discardRejected(db: RsDb, outboxId: string): Promise<void> {
  const tables = [db.outbox, db.localRepairs, db.localWalks, db.blobs, db.blobContent, db.workRepairs];
  await db.transaction("rw", tables, async () => {
    const entry = await refusedEntry(db, outboxId);
    if (isWorkChange(entry)) {
      await undoWorkChange(db, entry);
    } else if (entry.type === "repair.capture") {
      await db.localRepairs.delete(entry.recordId);
      await deleteFilesOf(db, [entry.recordId]);
    } else if (entry.type === "walk.finish") {
      await deleteFilesOf(db, [entry.recordId]);
      await db.localWalks.update(entry.recordId, {
        status: "IN_PROGRESS",
        finishSync: undefined,
        endedAt: undefined,
        siteContactName: undefined,
        signedSummary: undefined,
        signatureAttachmentId: undefined,
        error: undefined,
      });
    } else {
      const repairs = await db.localRepairs.where("walkId").equals(entry.recordId).count();
      if (repairs > 0) throw new ResolveRefused("This walk still has repairs on the device: discard them first.");
      await db.localWalks.delete(entry.recordId);
    }
    await db.outbox.delete(entry.seq!);
  });
}

/**
 * A completion the server refused for its before/after pairs (the business turned the rule on
 * after this device prepared): the completion is undone, its photos kept, and the device applies
 * the rule from now on, so the technician takes each paired after photo and completes again.
 */
export async function reopenForPairs(db: RsDb, outboxId: string): Promise<void> {
  await discardRejected(db, outboxId);
  await db.transaction("rw", db.meta, async () => {
    const quality = await db.meta.get("quality");
    if (quality?.key === "quality")
      await db.meta.put({ key: "quality", value: { ...quality.value, requirePhotoPairs: true } });
  });
}
