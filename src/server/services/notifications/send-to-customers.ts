// Mass notification: a manager or admin picks repairs and writes one message; every customer
// those repairs belong to is told once (its users, each by their own preferences: in the app,
// and by email unless switched off), listing that customer's repairs only. The message is an
// event of the outbox, written with its audit entry in one transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { writeAudit } from "../../audit/write-audit";
import { recordEvents } from "../../data/events/record-event";
import { visibleRepairsWhere } from "../../data/repairs/visible-repairs-where";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";

export const sendToCustomersInput = z.object({
  repairIds: z.array(z.uuid()).min(1, { message: "Choose at least one repair" }).max(500),
  message: z
    .string()
    .trim()
    .min(1, { message: "Write the message" })
    .max(2000, { message: "Keep the message to 2,000 characters" }),
});

export async function sendToCustomers(db: Db, ctx: ServiceContext, raw: z.input<typeof sendToCustomersInput>) {
  const input = sendToCustomersInput.parse(raw);
  const ids = [...new Set(input.repairIds)];
  return db.$transaction(async (tx) => {
    const repairs = await tx.repair.findMany({
      where: { AND: [{ id: { in: ids } }, visibleRepairsWhere(ctx.actor)] },
      select: { id: true, customerId: true },
    });
    // A repair the sender may not see is as unknown as one that does not exist.
    if (repairs.length !== ids.length) throw new NotFound("A repair");
    const byCustomer = new Map<string, string[]>();
    for (const r of repairs) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r.id]);
    const messageId = randomUUID();
    await recordEvents(
      tx,
      [...byCustomer].map(([customerId, repairIds]) => ({
        type: "OFFICE_MESSAGE" as const,
        customerId,
        actorUserId: ctx.actor.userId,
        groupId: `${messageId}:${customerId}`,
        payload: { message: input.message, repairIds, messageId },
      })),
    );
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "notification.mass",
      entityType: "OfficeMessage",
      entityId: messageId,
      changes: {
        message: { before: null, after: input.message },
        customers: { before: null, after: [...byCustomer.keys()] },
        repairs: { before: null, after: ids },
      },
    });
    return { messageId, customers: byCustomer.size, repairs: ids.length };
  });
}
