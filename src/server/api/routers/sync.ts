// Offline lot walks (docs/sync-protocol.md): what a device caches before a walk, and the
// mutations it queued while offline. Both answers are checked against the contract the device
// stores them by (sync-output.ts).
import "server-only";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { pushInput } from "~/server/services/sync/push-input";
import { pushMutations } from "~/server/services/sync/push-mutations";
import { prepareOutput, pushOutput } from "~/server/services/sync/sync-output";
import { requestAnalyticsRefresh } from "~/server/jobs/analytics-job-sender";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const syncRouter = createTRPCRouter({
  prepare: staffProcedure.output(prepareOutput).query(({ ctx }) => prepareSnapshot(ctx.db, ctx)),
  push: staffProcedure
    .input(pushInput)
    .output(pushOutput)
    .mutation(async ({ ctx, input }) => {
      const answer = await pushMutations(ctx.db, ctx, input);
      // Completions arrive in syncs: the analytics rollups catch up on the queue (analytics-jobs.ts).
      requestAnalyticsRefresh();
      return answer;
    }),
});
