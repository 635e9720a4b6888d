// The shape of sync.push (docs/sync-protocol.md §2): a device's queued mutations, in order. Each
// payload is checked by its own service's schema (push-mutations.ts); the answer is sync-output.ts.
import "server-only";
import { z } from "zod";
import { MUTATION_TYPES, PUSH_BATCH_LIMIT } from "~/domain";

export const pushInput = z.object({
  deviceId: z.uuid(),
  mutations: z
    .array(z.object({ id: z.uuid(), type: z.enum(MUTATION_TYPES), payload: z.unknown() }))
    .min(1)
    .max(PUSH_BATCH_LIMIT),
});
export type PushInput = z.input<typeof pushInput>;
