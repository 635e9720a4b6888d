// A message in a repair's thread or a customer's general thread; the thread is made with its
// first message. The id is the client's: a message sent again (a double tap, a retried request)
// is stored once and answered the same. The text is kept as typed and shown as text, never HTML.
import "server-only";
import { z } from "zod";
import { FIELDS } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { textInput } from "../../data/shared-inputs";
import { ensureThread, resolveThread, sideOf } from "../../data/messages/threads";
import { messageViews } from "../../data/messages/thread-view";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";

export const sendMessageInput = z.object({
  id: z.uuid(),
  repairId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  body: textInput(FIELDS.messageBody, { required: true }),
});
export type SendMessageInput = z.input<typeof sendMessageInput>;

export async function sendMessage(db: Db, ctx: ServiceContext, raw: SendMessageInput) {
  const input = sendMessageInput.parse(raw);
  const message = await retryOnDuplicateId(() =>
    db.$transaction(async (tx) => {
      const target = await resolveThread(tx, ctx.actor, input);
      const earlier = await tx.message.findUnique({ where: { id: input.id } });
      if (earlier) {
        if (earlier.authorId !== ctx.actor.userId)
          throw new InvalidRequest("ID_IN_USE", "This message id is already used.");
        return earlier;
      }
      const threadId = await ensureThread(tx, target);
      const created = await tx.message.create({
        data: { id: input.id, threadId, authorId: ctx.actor.userId, authorSide: sideOf(ctx.actor), body: input.body },
      });
      await tx.messageThread.update({ where: { id: threadId }, data: { lastMessageAt: created.createdAt } });
      // The author has read their own thread up to here.
      await tx.$executeRaw`INSERT INTO "MessageRead" ("threadId", "userId", "lastReadAt")
        VALUES (${threadId}::uuid, ${ctx.actor.userId}::uuid, ${created.createdAt})
        ON CONFLICT ("threadId", "userId") DO UPDATE SET "lastReadAt" = GREATEST("MessageRead"."lastReadAt", EXCLUDED."lastReadAt")`;
      return created;
    }),
  );
  const [view] = await messageViews(db, ctx.actor.userId, [message]);
  return { ...view!, threadId: message.threadId };
}
