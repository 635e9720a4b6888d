// sync.push: a device's queued mutations, run in order through the same services as online
// work, each in its own transaction (one failure does not stop the others). Every service is
// idempotent on the record's client id, so a replayed batch answers as the first time.
import { performance } from "node:perf_hooks";
import type { z } from "zod";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { assertAcceptableAttachments } from "../attachments/accept-attachments";
import type { ServiceContext } from "../context";
import type { CaptureFacts } from "../repairs/capture-facts";
import { captureRepair, captureRepairInput } from "../repairs/capture-repair";
import { finishWalk, finishWalkInput } from "../walks/finish-walk";
import { startWalk, startWalkInput } from "../walks/start-walk";
import { batchCaptureFacts } from "./batch-capture-facts";
import { mutationFailure } from "./mutation-failure";
import { type MutationResult, type MutationType, type PushInput, type PushResult, pushInput } from "./push-input";
import { recordSync } from "./record-sync";

type Handler<S extends z.ZodType> = {
  input: S;
  run: (db: Db, ctx: ServiceContext, payload: z.output<S>, facts: CaptureFacts) => Promise<unknown>;
  /** The walk the mutation belongs to: later mutations wait while its start is pending. */
  walkOf: (payload: z.output<S>) => string;
};
const handler = <S extends z.ZodType>(h: Handler<S>) => h as unknown as Handler<z.ZodType>;

const HANDLERS: Record<MutationType, Handler<z.ZodType>> = {
  "walk.start": handler({ input: startWalkInput, run: startWalk, walkOf: (p) => p.id }),
  "repair.capture": handler({
    input: captureRepairInput,
    run: (db, ctx, p, facts) => {
      assertAcceptableAttachments(p.attachments);
      return captureRepair(db, ctx, p, facts);
    },
    walkOf: (p) => p.walkId,
  }),
  "walk.finish": handler({ input: finishWalkInput, run: finishWalk, walkOf: (p) => p.walkId }),
};

export async function pushMutations(db: Db, ctx: ServiceContext, raw: PushInput): Promise<PushResult> {
  const started = performance.now();
  const { mutations } = pushInput.parse(raw);
  // Walks whose start failed for a reason worth retrying: their repairs and finish stay queued too.
  const walksPending = new Set<string>();
  const notSynced = { code: "WALK_NOT_SYNCED", message: "Waiting for the walk's start to reach the server.", retryable: true };
  const facts = batchCaptureFacts();
  const results: MutationResult[] = [];
  for (const { id, type, payload } of mutations) {
    const { input, run, walkOf } = HANDLERS[type];
    const parsed = input.safeParse(payload);
    if (!parsed.success) {
      results.push({ id, type, ok: false, ...mutationFailure(parsed.error, type) });
      continue;
    }
    const walkId = walkOf(parsed.data);
    if (walksPending.has(walkId)) {
      results.push({ id, type, ok: false, ...notSynced });
      continue;
    }
    try {
      results.push({ id, type, ok: true, data: await run(db, ctx, parsed.data, facts) });
    } catch (error) {
      const failure = mutationFailure(error, `${type} ${id}`);
      if (type === "walk.start" && failure.retryable) walksPending.add(walkId);
      // A walk unknown here was started on a device whose start has not arrived (another batch,
      // still pending): retried, never dropped.
      const walkMissing = error instanceof NotFound && type !== "walk.start" && !(await walkExists(db, walkId));
      results.push({ id, type, ok: false, ...(walkMissing ? notSynced : failure) });
    }
  }
  await recordSync(db, ctx);
  return { results, serverMs: Math.round(performance.now() - started) };
}

const walkExists = async (db: Db, id: string) => (await db.lotWalk.count({ where: { id } })) > 0;
