// The shape of sync.push (docs/sync-protocol.md §2): a device's queued mutations, in order.
import { z } from "zod";

export const MUTATION_TYPES = ["walk.start", "repair.capture", "walk.finish"] as const;
export type MutationType = (typeof MUTATION_TYPES)[number];

/** Largest batch a device sends at once. */
export const PUSH_BATCH_LIMIT = 50;

export const pushInput = z.object({
  deviceId: z.uuid(),
  mutations: z
    .array(z.object({ id: z.uuid(), type: z.enum(MUTATION_TYPES), payload: z.unknown() }))
    .min(1)
    .max(PUSH_BATCH_LIMIT),
});
export type PushInput = z.input<typeof pushInput>;

export type MutationFailure = { code: string; message: string; retryable: boolean };
export type MutationResult =
  | { id: string; ok: true; type: MutationType; data: unknown }
  | ({ id: string; ok: false; type: MutationType } & MutationFailure);
export type PushResult = { results: MutationResult[]; serverMs: number };
