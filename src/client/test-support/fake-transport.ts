// A stand-in for sync.push: records every batch and answers each mutation with what `decide`
// returns (ok with a server repair view by default). Replays return the first answer, as the
// real server's idempotent writes do.
import type { MutationResult, PushInput, PushMutation, PushOutput } from "../sync/contract";
import type { SyncTransport } from "../sync/transport";

export type Decide = (mutation: PushMutation) => MutationResult | "throw";

export class FakeTransport implements SyncTransport {
  batches: PushInput[] = [];
  stored = new Map<string, unknown>();
  failNext: Error | null = null;

  constructor(public decide: Decide = okResult) {}

  async prepare(): Promise<never> {
    throw new Error("not used");
  }

  async push(input: PushInput): Promise<PushOutput> {
    this.batches.push(structuredClone(input));
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const results: MutationResult[] = [];
    for (const mutation of input.mutations) {
      const result = this.decide(mutation);
      if (result === "throw") throw new Error("boom");
      const recordId =
        (mutation.payload as { id?: string; walkId?: string }).id ?? (mutation.payload as { walkId: string }).walkId;
      if (result.ok && !this.stored.has(recordId)) this.stored.set(recordId, result.data);
      results.push(result.ok && this.stored.has(recordId) ? { ...result, data: this.stored.get(recordId) } : result);
    }
    return { results, serverMs: 1 };
  }

  get sentIds(): string[] {
    return this.batches.flatMap((b) => b.mutations.map((m) => m.id));
  }
}

export function okResult(mutation: PushMutation): MutationResult {
  const payload = mutation.payload as { id?: string; deviceEstimateCents?: number };
  const data =
    mutation.type === "repair.capture"
      ? { id: payload.id, status: "APPROVED", estimateCents: payload.deviceEstimateCents ?? 0, flaggedReason: null }
      : { ok: true };
  return { id: mutation.id, ok: true, type: mutation.type, data };
}
