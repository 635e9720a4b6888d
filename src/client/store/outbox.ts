// The outbox: mutations waiting for the server, in the order they were made. An entry leaves
// only when the server confirmed it; a refusal stays (failed) until the user fixes or discards it.
import type { PushMutation, RepairCapturePayload } from "../sync/contract";
import type { OutboxEntry, QueuedMutation, RsDb } from "./db";

export function outboxEntry(recordId: string, mutation: QueuedMutation, now = new Date()): OutboxEntry {
  return { id: crypto.randomUUID(), recordId, state: "pending", attempts: 0, createdAt: now, ...mutation };
}

/** The next entries to send, oldest first; refused ones wait for the user and are skipped. */
export async function pendingBatch(
  db: RsDb,
  limit: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<OutboxEntry[]> {
  return db.outbox
    .orderBy("seq")
    .filter((entry) => entry.state === "pending" && !skip.has(entry.id))
    .limit(limit)
    .toArray();
}

/**
 * The next batch to send, marked as sending in the same transaction: a change made on the device
 * (an edit) lands either before the batch is read, and goes with it, or after, and sees it sending.
 */
export async function takePendingBatch(
  db: RsDb,
  limit: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ entries: OutboxEntry[]; mutations: PushMutation[] }> {
  return db.transaction("rw", [db.outbox, db.localRepairs, db.localWalks], async () => {
    const batch = await pendingBatch(db, limit, skip);
    const repairs = await db.localRepairs.bulkGet(
      batch.filter((entry) => entry.type === "repair.capture").map((entry) => entry.recordId),
    );
    const payloads = new Map(repairs.flatMap((repair) => (repair ? [[repair.id, repair.payload] as const] : [])));
    const walkIds = [...new Set(batch.map((entry) => walkIdOf(entry, payloads)))].filter((id): id is string =>
      Boolean(id),
    );
    const walks = new Map(
      (await db.localWalks.bulkGet(walkIds)).flatMap((walk) => (walk ? [[walk.id, walk] as const] : [])),
    );
    const entries: OutboxEntry[] = [];
    const mutations: PushMutation[] = [];
    for (const entry of batch) {
      const mutation = mutationOf(entry, payloads.get(entry.recordId));
      const walkId = walkIdOf(entry, payloads);
      const walk = walkId ? walks.get(walkId) : undefined;
      if (!mutation) {
        // Nothing left to send: kept (failed) for the user to see and discard, never sent empty.
        await db.outbox.update(entry.seq!, { state: "failed", lastError: RECORD_GONE });
      } else if (entry.type !== "walk.start" && walk?.startSync === "rejected") {
        // The server refused this walk for good: what was captured on it would wait forever.
        const error = walkRefused(walk.error?.message);
        await db.outbox.update(entry.seq!, { state: "failed", lastError: error });
        if (entry.type === "repair.capture") await db.localRepairs.update(entry.recordId, { sync: "rejected", error });
        else await db.localWalks.update(entry.recordId, { finishSync: "rejected", error });
      } else {
        entries.push(entry);
        mutations.push(mutation);
      }
    }
    await markSending(db, entries);
    return { entries: entries.map((entry) => ({ ...entry, state: "sending" as const })), mutations };
  });
}

/** The walk an entry belongs to; a change on a repair of My work belongs to none. */
function walkIdOf(entry: OutboxEntry, payloads: ReadonlyMap<string, RepairCapturePayload>): string | undefined {
  if (entry.type === "repair.capture") return payloads.get(entry.recordId)?.walkId;
  if (entry.type === "walk.start" || entry.type === "walk.finish") return entry.recordId;
  return undefined;
}

const walkRefused = (reason: string | undefined) => ({
  code: "WALK_REFUSED",
  message: `The server refused the walk this belongs to${reason ? `: ${reason.replace(/\.$/, "")}` : ""}. It cannot be sent; discard it.`,
});

/** What sync.push receives for an entry; a capture's payload is its repair's. */
function mutationOf(entry: OutboxEntry, repairPayload: RepairCapturePayload | undefined): PushMutation | null {
  switch (entry.type) {
    case "walk.start":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "walk.finish":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "repair.capture":
      return repairPayload ? { id: entry.id, type: entry.type, payload: repairPayload } : null;
    case "repair.start":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "repair.complete":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "repair.addPhoto":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "repair.markUrgent":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "repair.followUp":
      return { id: entry.id, type: entry.type, payload: entry.payload };
    case "repair.requestParts":
      return { id: entry.id, type: entry.type, payload: entry.payload };
  }
}

const RECORD_GONE = { code: "RECORD_MISSING", message: "The repair this change carried is no longer on the device." };

/** A send cut short (tab closed, crash) is simply sent again: every server write is idempotent. */
export async function resetInterruptedSends(db: RsDb): Promise<number> {
  return db.outbox.where("state").equals("sending").modify({ state: "pending" });
}

export async function markSending(db: RsDb, entries: readonly OutboxEntry[]): Promise<void> {
  await db.outbox.bulkUpdate(entries.map((entry) => ({ key: entry.seq!, changes: { state: "sending" as const } })));
}

/** Back to pending after a transport failure; `counts` false when the failure is not the entry's (session expired). */
export async function returnToPending(
  db: RsDb,
  entries: readonly OutboxEntry[],
  error: { code: string; message: string },
  counts = true,
): Promise<void> {
  await db.transaction("rw", db.outbox, async () => {
    for (const entry of entries) {
      await db.outbox.update(entry.seq!, (row) => {
        row.state = "pending";
        if (counts) row.attempts += 1;
        row.lastError = error;
      });
    }
  });
}
