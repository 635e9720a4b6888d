// What a thread list and a thread answer with: a title in words, the messages as text with the
// author's name and side, and how many messages by others the user has not read yet.
import "server-only";
import { DAMAGE_LABELS } from "~/domain/index";
import type { Db, DbTx } from "../../db";

export const THREAD_MESSAGES_LIMIT = 200;

export const THREAD_SELECT = {
  id: true,
  customerId: true,
  repairId: true,
  lastMessageAt: true,
  customer: { select: { name: true } },
  repair: {
    select: {
      id: true,
      customerId: true,
      technicianId: true,
      priceCents: true,
      estimateCents: true,
      status: true,
      damageType: true,
      unit: { select: { unitNumber: true } },
    },
  },
} as const;

type ThreadRow = {
  customerId: string;
  customer: { name: string };
  repair: { damageType: keyof typeof DAMAGE_LABELS; unit: { unitNumber: string } } | null;
};

export const threadTitle = (t: ThreadRow) =>
  t.repair ? `Unit ${t.repair.unit.unitNumber} · ${DAMAGE_LABELS[t.repair.damageType]}` : `General · ${t.customer.name}`;

/** Unread messages per thread for one user: by others, after the user's read marker. */
export async function unreadCounts(db: Db | DbTx, userId: string, threadIds: string[]): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ threadId: string; unread: number }[]>`
    SELECT m."threadId", count(*)::int AS unread
    FROM "Message" m
    LEFT JOIN "MessageRead" r ON r."threadId" = m."threadId" AND r."userId" = ${userId}::uuid
    WHERE m."threadId" = ANY(${threadIds}::uuid[])
      AND m."authorId" <> ${userId}::uuid
      AND (r."lastReadAt" IS NULL OR m."createdAt" > r."lastReadAt")
    GROUP BY m."threadId"`;
  return new Map(rows.map((r) => [r.threadId, r.unread]));
}

export type MessageRow = { id: string; authorId: string; authorSide: string; body: string; createdAt: Date };

export async function messageViews(db: Db | DbTx, userId: string, messages: MessageRow[]) {
  const authors = await db.user.findMany({
    where: { id: { in: [...new Set(messages.map((m) => m.authorId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return messages.map((m) => ({
    id: m.id,
    body: m.body,
    side: m.authorSide as "customer" | "office" | "technician",
    authorName: nameOf.get(m.authorId) ?? "Someone",
    mine: m.authorId === userId,
    createdAt: m.createdAt,
  }));
}
export type MessageView = Awaited<ReturnType<typeof messageViews>>[number];
