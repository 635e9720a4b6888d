// The user has read a thread up to its newest message (as this transaction sees it: a message
// still being written stays unread). The marker only moves forward.
import "server-only";
import { z } from "zod";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { loadThreadFor } from "../../data/messages/threads";

export const markThreadReadInput = z.object({ threadId: z.uuid() });
export type MarkThreadReadInput = z.input<typeof markThreadReadInput>;

export async function markThreadRead(db: Db, ctx: ServiceContext, raw: MarkThreadReadInput) {
  const input = markThreadReadInput.parse(raw);
  return db.$transaction(async (tx) => {
    const thread = await loadThreadFor(tx, ctx.actor, input.threadId);
    const newest = await tx.message.aggregate({ where: { threadId: thread.id }, _max: { createdAt: true } });
    const upTo = newest._max.createdAt;
    if (!upTo) return { threadId: thread.id, lastReadAt: null };
    await tx.$executeRaw`INSERT INTO "MessageRead" ("threadId", "userId", "lastReadAt")
      VALUES (${thread.id}::uuid, ${ctx.actor.userId}::uuid, ${upTo})
      ON CONFLICT ("threadId", "userId") DO UPDATE SET "lastReadAt" = GREATEST("MessageRead"."lastReadAt", EXCLUDED."lastReadAt")`;
    return { threadId: thread.id, lastReadAt: upTo };
  });
}
