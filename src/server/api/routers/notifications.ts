// In-app notifications: every signed-in person reads and clears their own.
import "server-only";
import {
  markNotificationsRead,
  markReadInput,
  myNotifications,
  myUnreadCount,
} from "~/server/services/notifications/my-notifications";
import { createTRPCRouter, signedInProcedure } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  mine: signedInProcedure.query(({ ctx }) => myNotifications(ctx.db, ctx)),
  unreadCount: signedInProcedure.query(({ ctx }) => myUnreadCount(ctx.db, ctx)),
  markRead: signedInProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx, input)),
});
