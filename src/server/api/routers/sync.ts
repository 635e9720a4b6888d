// Offline lot walks (docs/sync-protocol.md): what a device caches before a walk, and the
// mutations it queued while offline.
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { pushInput } from "~/server/services/sync/push-input";
import { pushMutations } from "~/server/services/sync/push-mutations";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const syncRouter = createTRPCRouter({
  prepare: staffProcedure.query(({ ctx }) => prepareSnapshot(ctx.db, ctx)),
  push: staffProcedure.input(pushInput).mutation(({ ctx, input }) => pushMutations(ctx.db, ctx, input)),
});
