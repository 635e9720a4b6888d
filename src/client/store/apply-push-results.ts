// The server's answer to one sync.push batch, applied in one transaction: confirmed entries
// leave the outbox (and only they), refusals stay with their error for the user to fix or
// discard, retryable ones go back to pending.
import type { Accepted, MutationResult, ServerRepairView } from "../sync/contract";
import { type OutboxEntry, type RsDb, type ServerDecision, type SyncError, isWorkChange } from "./db";
import { settledState } from "./record-sync-state";

export type AppliedCounts = { confirmed: number; rejected: number; retrying: number };

export async function applyPushResults(
  db: RsDb,
  sent: readonly OutboxEntry[],
  results: readonly MutationResult[],
  now = new Date(),
): Promise<AppliedCounts> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const counts: AppliedCounts = { confirmed: 0, rejected: 0, retrying: 0 };
  await db.transaction("rw", [db.outbox, db.localWalks, db.localRepairs, db.blobs, db.workRepairs], async () => {
    for (const entry of sent) {
      const result = byId.get(entry.id);
      if (result?.ok) {
        await confirm(db, entry, result, now);
        counts.confirmed += 1;
      } else if (result && !result.retryable) {
        await reject(db, entry, { code: result.code, message: result.message });
        counts.rejected += 1;
      } else {
        const error = result
          ? { code: result.code, message: result.message }
          : { code: "NO_RESULT", message: "The server did not answer for this change." };
        await db.outbox.update(entry.seq!, { state: "pending", attempts: entry.attempts + 1, lastError: error });
        counts.retrying += 1;
      }
    }
  });
  return counts;
}

async function confirm(db: RsDb, entry: OutboxEntry, result: Accepted, now: Date): Promise<void> {
  await db.outbox.delete(entry.seq!);
  if (entry.type === "walk.start") {
    await db.localWalks.update(entry.recordId, { startSync: "synced", error: undefined });
    return;
  }
  if (isWorkChange(entry)) {
    await confirmWork(db, entry, result);
    return;
  }
  // The record is on the server now: its attachments may upload.
  await db.blobs.where("ownerId").equals(entry.recordId).modify({ ownerAcknowledged: 1 });
  const state = await settledState(db, entry.recordId);
  if (entry.type === "walk.finish") {
    await db.localWalks.update(entry.recordId, { finishSync: state, error: undefined });
    return;
  }
  const repair = await db.localRepairs.get(entry.recordId);
  if (!repair) return;
  await db.localRepairs.update(repair.id, {
    sync: state,
    error: undefined,
    // The answer to a capture is the server's repair view; any other answer leaves no decision.
    ...(result.type === "repair.capture"
      ? { server: serverDecision(result.data, repair.deviceEstimateCents, now) }
      : {}),
  });
}

/** A change on a repair of My work: the photos it carried may upload now; a completion's price is kept to show. */
async function confirmWork(db: RsDb, entry: OutboxEntry, result: Accepted): Promise<void> {
  const photoIds =
    entry.type === "repair.addPhoto"
      ? [entry.payload.photo.id]
      : entry.type === "repair.complete"
        ? entry.payload.attachments.map((a) => a.id)
        : [];
  if (photoIds.length) await db.blobs.where("id").anyOf(photoIds).modify({ ownerAcknowledged: 1 });
  const row = await db.workRepairs.get(entry.recordId);
  // A parts request the office now holds is listed by it, not as waiting on the device.
  if (row && entry.type === "repair.requestParts") {
    const partsQueued = (row.device.partsQueued ?? []).filter((p) => p.id !== entry.payload.id);
    await db.workRepairs.update(row.id, { device: { ...row.device, partsQueued } });
  }
  if (row && result.type === "repair.complete" && result.data.priceCents !== null)
    await db.workRepairs.update(row.id, { device: { ...row.device, frozenPriceCents: result.data.priceCents } });
}

async function reject(db: RsDb, entry: OutboxEntry, error: SyncError): Promise<void> {
  await db.outbox.update(entry.seq!, { state: "failed", attempts: entry.attempts + 1, lastError: error });
  if (entry.type === "repair.capture") await db.localRepairs.update(entry.recordId, { sync: "rejected", error });
  // A change on a repair of My work shows its refusal from the outbox entry itself (my-work.ts).
  else if (isWorkChange(entry)) return;
  else if (entry.type === "walk.start") await db.localWalks.update(entry.recordId, { startSync: "rejected", error });
  else await db.localWalks.update(entry.recordId, { finishSync: "rejected", error });
}

function serverDecision(view: ServerRepairView, deviceCents: number, now: Date): ServerDecision {
  const estimateCents = view.priceCents ?? view.estimateCents ?? null;
  return {
    status: view.status,
    estimateCents,
    flaggedReason: view.flaggedReason ?? null,
    differenceCents: estimateCents === null ? 0 : estimateCents - deviceCents,
    receivedAt: now,
  };
}
