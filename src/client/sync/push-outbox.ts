// Sends the outbox to sync.push in batches of up to 50, oldest first, and applies each answer
// before sending the next batch. A batch whose JSON would pass the server's body limit goes in
// smaller requests. Each entry is tried at most once per run, so a retryable
// failure waits for the next run (and its backoff) instead of spinning.
import { PUSH_BATCH_LIMIT, TRPC_BODY_BYTES } from "~/domain";
import type { PushMutation } from "./contract";
import { applyPushResults, type AppliedCounts } from "../store/apply-push-results";
import type { RsDb } from "../store/db";
import { returnToPending, takePendingBatch } from "../store/outbox";
import { SessionExpired } from "./errors";
import { type SyncTransport, transportError } from "./transport";

export type PushOptions = {
  deviceId: string;
  batchSize?: number;
  /** Bytes of mutations' JSON one request carries at most (one larger mutation goes alone). */
  bodyBudgetBytes?: number;
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
    const parts = splitByBodySize(batch, mutations, options.bodyBudgetBytes ?? PUSH_BODY_BUDGET_BYTES);
    for (const [index, part] of parts.entries()) {
      let output;
      try {
        output = await transport.push({ deviceId: options.deviceId, mutations: part.mutations });
      } catch (error) {
        const failure = transportError(error);
        // An expired session is not the entries' fault: their attempt count stays.
        await returnToPending(
          db,
          parts.slice(index).flatMap((p) => p.entries),
          { code: failure.code, message: failure.message },
          !(failure instanceof SessionExpired),
        );
        throw failure;
      }
      const applied = await applyPushResults(db, part.entries, output.results);
      counts.confirmed += applied.confirmed;
      counts.rejected += applied.rejected;
      counts.retrying += applied.retrying;
    }
    options.onProgress?.(Math.min(tried.size, total), Math.max(total, tried.size));
  }
}

/** Room left in the server's limit for superjson's envelope and the device id. */
const PUSH_BODY_BUDGET_BYTES = Math.floor(TRPC_BODY_BYTES * 0.75);

function splitByBodySize<E>(entries: E[], mutations: PushMutation[], budget: number) {
  const encoder = new TextEncoder();
  const parts: { entries: E[]; mutations: PushMutation[] }[] = [];
  let size = 0;
  mutations.forEach((mutation, i) => {
    const bytes = encoder.encode(JSON.stringify(mutation)).byteLength + 1;
    const last = parts.at(-1);
    if (last && size + bytes <= budget) {
      last.entries.push(entries[i]!);
      last.mutations.push(mutation);
      size += bytes;
    } else {
      parts.push({ entries: [entries[i]!], mutations: [mutation] });
      size = bytes;
    }
  });
  return parts;
}
