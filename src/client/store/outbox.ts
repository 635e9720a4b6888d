// The outbox: mutations waiting for the server, in the order they were made. An entry leaves
// only when the server confirmed it; a refusal stays (failed) until the user fixes or discards it.
import type { MutationType, PayloadOf } from "../sync/contract";
import type { OutboxEntry, RsDb } from "./db";

export function outboxEntry<T extends MutationType>(
  type: T,
  recordId: string,
  payload: PayloadOf[T],
  now = new Date(),
): OutboxEntry {
  return { id: crypto.randomUUID(), type, recordId, payload, state: "pending", attempts: 0, createdAt: now };
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
): Promise<OutboxEntry[]> {
  return db.transaction("rw", db.outbox, async () => {
    const batch = await pendingBatch(db, limit, skip);
    await markSending(db, batch);
    return batch.map((entry) => ({ ...entry, state: "sending" as const }));
  });
}

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
