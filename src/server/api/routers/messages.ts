// Message threads between a customer's users and the office: one per repair (its technician
// answers from the phone) and one general thread per customer. Who reaches which thread is the
// "message.thread" rule; a thread out of reach is "not found".
import "server-only";
import { getThread, threadSubjectInput } from "~/server/services/messages/get-thread";
import { listThreads, listThreadsInput } from "~/server/services/messages/list-threads";
import { markThreadRead, markThreadReadInput } from "~/server/services/messages/mark-thread-read";
import { sendMessage, sendMessageInput } from "~/server/services/messages/send-message";
import { createTRPCRouter, signedInProcedure } from "../trpc";

export const messagesRouter = createTRPCRouter({
  threads: signedInProcedure.input(listThreadsInput).query(({ ctx, input }) => listThreads(ctx.db, ctx, input)),
  thread: signedInProcedure.input(threadSubjectInput).query(({ ctx, input }) => getThread(ctx.db, ctx, input)),
  send: signedInProcedure.input(sendMessageInput).mutation(({ ctx, input }) => sendMessage(ctx.db, ctx, input)),
  markRead: signedInProcedure
    .input(markThreadReadInput)
    .mutation(({ ctx, input }) => markThreadRead(ctx.db, ctx, input)),
});
