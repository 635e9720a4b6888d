// Sends the outbox to sync.push in batches of up to 50, oldest first, and applies each answer
// before sending the next batch. Each entry is tried at most once per run, so a retryable
// failure waits for the next run (and its backoff) instead of spinning.
import { PUSH_BATCH_LIMIT } from "~/domain";
import { applyPushResults, type AppliedCounts } from "../store/apply-push-results";
import type { RsDb } from "../store/db";
import { returnToPending, takePendingBatch } from "../store/outbox";
import { SessionExpired } from "./errors";
import { type SyncTransport, transportError } from "./transport";

export type PushOptions = {
  deviceId: string;
  batchSize?: number;
  onProgress?: (sent: number, total: number) => void;
};

export async function pushOutbox(db: RsDb, transport: SyncTransport, options: PushOptions): Promise<AppliedCounts> {
  const batchSize = Math.min(options.batchSize ?? PUSH_BATCH_LIMIT, PUSH_BATCH_LIMIT);
  const total = await db.outbox.where("state").equals("pending").count();
  const tried = new Set<string>();
  const counts: AppliedCounts = { confirmed: 0, rejected: 0, retrying: 0 };
  options.onProgress?.(0, total);
  for (;;) {
    const { entries: batch, mutations } = await takePendingBatch(db, batchSize, tried);
    if (batch.length === 0) return counts;
    for (const entry of batch) tried.add(entry.id);
    let output;
    try {
      output = await transport.push({
        deviceId: options.deviceId,
        mutations,
      });
    } catch (error) {
      const failure = transportError(error);
      // An expired session is not the entries' fault: their attempt count stays.
      await returnToPending(
        db,
        batch,
        { code: failure.code, message: failure.message },
        !(failure instanceof SessionExpired),
      );
      throw failure;
    }
    const applied = await applyPushResults(db, batch, output.results);
    counts.confirmed += applied.confirmed;
    counts.rejected += applied.rejected;
    counts.retrying += applied.retrying;
    options.onProgress?.(Math.min(tried.size, total), Math.max(total, tried.size));
  }
}
