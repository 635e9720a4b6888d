// In-app notifications: every signed-in person reads and clears their own.
import "server-only";
import {
  markNotificationsRead,
  markReadInput,
  myNotifications,
  myUnreadCount,
} from "~/server/services/notifications/my-notifications";
import {
  myPreferences,
  saveMyPreferences,
  savePreferencesInput,
} from "~/server/services/notifications/notification-preferences";
import { z } from "zod";
import {
  listOutbox,
  outboxInput,
  retryDelivery,
  sendHeldDigestsNow,
} from "~/server/services/notifications/notification-outbox";
import { sendToCustomers, sendToCustomersInput } from "~/server/services/notifications/send-to-customers";
import { adminProcedure, createTRPCRouter, managerProcedure, signedInProcedure } from "../trpc";

export const notificationsRouter = createTRPCRouter({
  mine: signedInProcedure.query(({ ctx }) => myNotifications(ctx.db, ctx)),
  unreadCount: signedInProcedure.query(({ ctx }) => myUnreadCount(ctx.db, ctx)),
  markRead: signedInProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx, input)),
  preferences: signedInProcedure.query(({ ctx }) => myPreferences(ctx.db, ctx)),
  savePreferences: signedInProcedure
    .input(savePreferencesInput)
    .mutation(({ ctx, input }) => saveMyPreferences(ctx.db, ctx, input)),
  outbox: adminProcedure.input(outboxInput).query(({ ctx, input }) => listOutbox(ctx.db, input)),
  retry: adminProcedure
    .input(z.strictObject({ id: z.uuid() }))
    .mutation(({ ctx, input }) => retryDelivery(ctx.db, ctx, input.id)),
  sendDigestsNow: adminProcedure.mutation(({ ctx }) => sendHeldDigestsNow(ctx.db, ctx)),
  sendToCustomers: managerProcedure
    .input(sendToCustomersInput)
    .mutation(({ ctx, input }) => sendToCustomers(ctx.db, ctx, input)),
});
