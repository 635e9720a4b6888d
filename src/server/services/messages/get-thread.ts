// One thread's messages, oldest first (the newest THREAD_MESSAGES_LIMIT), named by its repair
// or (no repair) the customer's general thread. A thread with no message yet answers empty, so
// a screen can open it before its first message.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { resolveThread } from "../../data/messages/threads";
import {
  THREAD_MESSAGES_LIMIT,
  THREAD_SELECT,
  messageViews,
  threadTitle,
  unreadCounts,
} from "../../data/messages/thread-view";

export const threadSubjectInput = z.object({ repairId: z.uuid().optional(), customerId: z.uuid().optional() });
export type ThreadSubjectInput = z.input<typeof threadSubjectInput>;

export async function getThread(db: Db, ctx: ServiceContext, raw: ThreadSubjectInput) {
  const input = threadSubjectInput.parse(raw);
  const target = await resolveThread(db, ctx.actor, input);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: target.customerId }, select: { name: true } });
  const repair = target.repairId
    ? await db.repair.findUniqueOrThrow({ where: { id: target.repairId }, select: THREAD_SELECT.repair.select })
    : null;
  const title = threadTitle({ customerId: target.customerId, customer, repair });
  if (!target.threadId) return { ...target, title, messages: [], unread: 0 };
  const newest = await db.message.findMany({
    where: { threadId: target.threadId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_MESSAGES_LIMIT,
  });
  const messages = await messageViews(db, ctx.actor.userId, newest.reverse());
  const unread = (await unreadCounts(db, ctx.actor.userId, [target.threadId])).get(target.threadId) ?? 0;
  return { ...target, title, messages, unread };
}
