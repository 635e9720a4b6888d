// The threads a user may read, the most recently active first, with their unread counts: a
// customer user's company's, the office's (managers: their team's repairs and every general
// thread), a technician's own repairs'. The total drives the badge on each screen.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { mayReachThread, visibleThreadsWhere } from "../../data/messages/threads";
import { THREAD_SELECT, threadTitle, unreadCounts } from "../../data/messages/thread-view";

export const listThreadsInput = z.object({
  customerId: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListThreadsInput = z.input<typeof listThreadsInput>;

export async function listThreads(db: Db, ctx: ServiceContext, raw: ListThreadsInput = {}) {
  const input = listThreadsInput.parse(raw);
  const rows = await db.messageThread.findMany({
    where: {
      AND: [visibleThreadsWhere(ctx.actor), { lastMessageAt: { not: null } }],
      ...(input.customerId ? { customerId: input.customerId } : {}),
    },
    orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
    take: input.limit,
    select: {
      ...THREAD_SELECT,
      messages: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, authorSide: true } },
    },
  });
  const visible = rows.filter((t) => mayReachThread(ctx.actor, t));
  const unread = await unreadCounts(
    db,
    ctx.actor.userId,
    visible.map((t) => t.id),
  );
  const threads = visible.map((t) => ({
    id: t.id,
    customerId: t.customerId,
    customerName: t.customer.name,
    repairId: t.repairId,
    title: threadTitle(t),
    lastMessageAt: t.lastMessageAt,
    lastMessage: t.messages[0]?.body.slice(0, 140) ?? "",
    lastSide: t.messages[0]?.authorSide ?? null,
    unread: unread.get(t.id) ?? 0,
  }));
  return { threads, unread: threads.reduce((sum, t) => sum + t.unread, 0) };
}
