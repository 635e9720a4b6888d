// Web Push subscriptions of the signed-in technician, manager or admin ("Notifications on this
// device" on /walk and /manager).
import "server-only";
import {
  pushEndpointInput,
  pushPublicKey,
  pushStatus,
  pushSubscriptionInput,
  subscribePush,
  unsubscribePush,
} from "~/server/services/push/push-subscriptions";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const pushRouter = createTRPCRouter({
  publicKey: staffProcedure.query(() => pushPublicKey()),
  status: staffProcedure.input(pushEndpointInput).query(({ ctx, input }) => pushStatus(ctx.db, ctx, input)),
  subscribe: staffProcedure
    .input(pushSubscriptionInput)
    .mutation(({ ctx, input }) => subscribePush(ctx.db, ctx, input)),
  unsubscribe: staffProcedure
    .input(pushEndpointInput)
    .mutation(({ ctx, input }) => unsubscribePush(ctx.db, ctx, input)),
});
