// The signed-in person's notifications: the newest first with the unread count (the bell), and
// marking them read. A person only ever reaches their own.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";

const SHOWN = 30;

export async function myNotifications(db: Db, ctx: ServiceContext) {
  const userId = ctx.actor.userId;
  const [items, unread] = [
    await db.notification.findMany({
      where: { userId },
      orderBy: { updatedAt: "desc" },
      take: SHOWN,
      select: { id: true, type: true, title: true, url: true, count: true, readAt: true, updatedAt: true },
    }),
    await db.notification.count({ where: { userId, readAt: null } }),
  ];
  return { items, unread };
}

/** Just the count, for polling: one indexed count. */
export async function myUnreadCount(db: Db, ctx: ServiceContext): Promise<number> {
  return db.notification.count({ where: { userId: ctx.actor.userId, readAt: null } });
}

export const markReadInput = z.object({ ids: z.array(z.uuid()).max(100).optional() });

/** Marks these (or all) of the person's notifications read; another person's ids change nothing. */
export async function markNotificationsRead(db: Db, ctx: ServiceContext, raw: z.input<typeof markReadInput>) {
  const { ids } = markReadInput.parse(raw);
  const { count } = await db.notification.updateMany({
    where: { userId: ctx.actor.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
