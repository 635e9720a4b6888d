// sync.push: a device's queued mutations, in order, each with its own result (one refusal does
// not stop the others). Captures not completed on the spot are written together: each run of
// them between the batch's other mutations is decided capture by capture as captureRepair
// decides it, and written in one transaction (capture-in-bulk.ts). Walk starts and finishes,
// and captures completed on the spot (priced under the history's locks), go through their
// services one by one, each in its own transaction, as does a run whose bulk transaction failed
// (a concurrent replay of the same batch, a lost connection...). Changes on existing repairs
// (start, complete, add a photo: the technician's My work; mark urgent, follow up, request parts:
// the quick actions safe offline) go one by one through the services an online call reaches. Every service is idempotent on the record's or change's client id, so a
// replayed batch answers as the first time.
import "server-only";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { type MutationType, latestFix } from "~/domain";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import { requestLog } from "../../logging/logger";
import type { ServiceContext } from "../../service-context";
import type { CaptureFacts } from "../../data/repairs/capture-facts";
import { addRepairPhoto, addRepairPhotoInput } from "../repairs/add-repair-photo";
import { type Capture, captureRepair, captureRepairInput } from "../repairs/capture-repair";
import { completeRepair, completeRepairInput } from "../repairs/complete-repair";
import { createFollowUp, createFollowUpInput } from "../repairs/create-follow-up";
import { markUrgent, markUrgentInput } from "../repairs/mark-urgent";
import { requestParts, requestPartsInput } from "../parts/request-parts";
import { startRepair, startRepairInput } from "../repairs/start-repair";
import { repairView } from "../../data/repairs/repair-view";
import { isUniqueViolation } from "../../data/retry-on-duplicate-id";
import { finishWalk, finishWalkInput } from "../walks/finish-walk";
import { startWalk, startWalkInput } from "../walks/start-walk";
import { batchCaptureFacts } from "../../data/sync/batch-capture-facts";
import { type BulkOutcome, captureInBulk } from "../../data/sync/capture-in-bulk";
import { mutationFailure } from "../../data/sync/mutation-failure";
import { type PushInput, pushInput } from "./push-input";
import { recordSync } from "../../data/sync/record-sync";
import type { MutationData, MutationFailure, MutationResult, PushResult } from "./sync-output";

type Handler<S extends z.ZodType, D> = {
  input: S;
  run: (db: Db, ctx: ServiceContext, payload: z.output<S>, facts: CaptureFacts) => Promise<D>;
  /** The walk the mutation belongs to: later mutations wait while its start is pending. */
  walkOf: (payload: z.output<S>) => string | null;
};
const handler = <S extends z.ZodType, D>(h: Handler<S, D>) => h as unknown as Handler<z.ZodType, D>;
// Online the change id is optional; from a device's queue it is required (a replay needs it).
const queuedStart = startRepairInput.extend({ id: z.uuid() });
const queuedCompletion = completeRepairInput.extend({ id: z.uuid() });
const queuedUrgency = markUrgentInput.extend({ id: z.uuid() });
const queuedPartsRequest = requestPartsInput.extend({ id: z.uuid() });

/** Each service answers with what sync.push promises for its mutation type (sync-output.ts). */
const HANDLERS: { [T in MutationType]: Handler<z.ZodType, MutationData<T>> } = {
  "walk.start": handler({ input: startWalkInput, run: startWalk, walkOf: (p) => p.id }),
  "repair.capture": handler({ input: captureRepairInput, run: captureRepair, walkOf: (p) => p.walkId }),
  "walk.finish": handler({ input: finishWalkInput, run: finishWalk, walkOf: (p) => p.walkId }),
  // A queued change carries its client id in the payload: the services need it to answer a replay.
  "repair.start": handler({ input: queuedStart, run: startRepair, walkOf: () => null }),
  "repair.complete": handler({ input: queuedCompletion, run: completeRepair, walkOf: () => null }),
  "repair.addPhoto": handler({ input: addRepairPhotoInput, run: addRepairPhoto, walkOf: () => null }),
  // Quick actions queued offline; a follow-up's id is the new repair's.
  "repair.markUrgent": handler({ input: queuedUrgency, run: markUrgent, walkOf: () => null }),
  "repair.followUp": handler({ input: createFollowUpInput, run: createFollowUp, walkOf: () => null }),
  "repair.requestParts": handler({ input: queuedPartsRequest, run: requestParts, walkOf: () => null }),
};

const NOT_SYNCED: MutationFailure = {
  code: "WALK_NOT_SYNCED",
  message: "Waiting for the walk's start to reach the server.",
  retryable: true,
};

/** "one-by-one": every mutation in its own transaction, as when a bulk write fails (for comparing both). */
export type PushMode = "bulk" | "one-by-one";

type Parsed = { index: number; id: string; type: MutationType; payload: unknown; walkId: string | null };

export async function pushMutations(
  db: Db,
  ctx: ServiceContext,
  raw: PushInput,
  mode: PushMode = "bulk",
): Promise<PushResult> {
  const started = performance.now();
  const { mutations } = pushInput.parse(raw);
  const push = new Push(db, ctx);
  let run: Array<Parsed & { payload: Capture }> = [];
  const fixes: Array<Fix & { index: number }> = [];
  for (const [index, { id, type, payload }] of mutations.entries()) {
    const { input, walkOf } = HANDLERS[type];
    const parsed = input.safeParse(payload);
    if (!parsed.success) {
      push.answer({ index, id, type }, mutationFailure(parsed.error, type));
      continue;
    }
    const mutation = { index, id, type, payload: parsed.data, walkId: walkOf(parsed.data) };
    const fix = fixOf(mutation);
    if (fix) fixes.push({ ...fix, index });
    if (mutation.walkId !== null && push.walksPending.has(mutation.walkId)) {
      push.answer(mutation, NOT_SYNCED);
    } else if (mode === "bulk" && isPlainCapture(mutation)) {
      run.push(mutation);
    } else {
      await push.together(run);
      run = [];
      await push.alone(mutation);
    }
  }
  await push.together(run);
  const now = new Date();
  await recordSync(
    db,
    ctx,
    now,
    latestFix(
      fixes.filter((f) => push.results[f.index]?.ok),
      now,
    ),
  );
  return { results: push.results, serverMs: Math.round(performance.now() - started) };
}

/** A capture not completed on the spot: it changes no pricing history, so a run of them can be decided from one read. */
type Fix = { latitude?: number | null; longitude?: number | null; at?: Date | null };

/** Where and when the device was, as a mutation says: the walk's start and end, each capture. */
function fixOf({ type, payload }: Parsed): Fix | null {
  const p = payload as Fix & { startedAt?: Date; capturedAt?: Date; endedAt?: Date };
  if (type === "walk.start") return { ...p, at: p.startedAt };
  if (type === "repair.capture") return { ...p, at: p.capturedAt };
  if (type === "walk.finish") return { ...p, at: p.endedAt };
  return null;
}

const isPlainCapture = (m: Parsed): m is Parsed & { payload: Capture } =>
  m.type === "repair.capture" && !(m.payload as Capture).completedOnSpot;

class Push {
  readonly results: MutationResult[] = [];
  /** Walks whose start failed for a reason worth retrying: their repairs and finish stay queued too. */
  readonly walksPending = new Set<string>();
  private readonly facts = batchCaptureFacts();

  constructor(
    private readonly db: Db,
    private readonly ctx: ServiceContext,
  ) {}

  answer({ index, id, type }: Pick<Parsed, "index" | "id" | "type">, failure: MutationFailure) {
    this.results[index] = { id, type, ok: false, ...failure };
  }

  accept<T extends MutationType>({ index, id }: Pick<Parsed, "index" | "id">, type: T, data: MutationData<T>) {
    // TypeScript does not narrow the result union through a generic T; the signature ties data to type.
    this.results[index] = { id, type, ok: true, data } as MutationResult;
  }

  /** A mutation through its service, in its own transaction. */
  async alone(m: Parsed): Promise<void> {
    try {
      await this.run(m, m.type);
    } catch (error) {
      const failure = mutationFailure(error, `${m.type} ${m.id}`);
      if (m.type === "walk.start" && failure.retryable && m.walkId) this.walksPending.add(m.walkId);
      // A walk unknown here was started on a device whose start has not arrived (another batch,
      // still pending): retried, never dropped.
      const walkMissing =
        error instanceof NotFound && m.walkId !== null && m.type !== "walk.start" && !(await this.walkExists(m.walkId));
      this.answer(m, walkMissing ? NOT_SYNCED : failure);
    }
  }

  private async run<T extends MutationType>(m: Parsed, type: T): Promise<void> {
    this.accept(m, type, await HANDLERS[type].run(this.db, this.ctx, m.payload, this.facts));
  }

  /** A run of plain captures in one transaction; when that fails, one by one. */
  async together(run: ReadonlyArray<Parsed & { payload: Capture }>): Promise<void> {
    if (run.length === 0) return;
    let outcomes: BulkOutcome[];
    try {
      outcomes = await this.db.$transaction((tx) =>
        captureInBulk(
          tx,
          this.ctx,
          run.map((m) => m.payload),
          this.facts,
        ),
      );
    } catch (error) {
      // A concurrent push of the same records is expected (foreground and background sync).
      if (!isUniqueViolation(error))
        requestLog().warn(
          { err: error },
          `sync.push: ${run.length} captures could not be written together; writing them one by one`,
        );
      for (const m of run) await this.alone(m);
      return;
    }
    for (const [i, outcome] of outcomes.entries()) {
      const m = run[i]!;
      if (outcome.ok) this.accept(m, "repair.capture", repairView(this.ctx.actor, outcome.repair));
      else
        this.answer(
          m,
          outcome.error instanceof NotFound && !outcome.walkFound
            ? NOT_SYNCED
            : mutationFailure(outcome.error, `${m.type} ${m.id}`),
        );
    }
  }

  private async walkExists(id: string) {
    return (await this.db.lotWalk.count({ where: { id } })) > 0;
  }
}
