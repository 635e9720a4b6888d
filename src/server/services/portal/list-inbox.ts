// A customer's portal inbox: what staff sent with "Send to Customer", newest first. A customer
// user reads their own company's; an admin names the customer.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import type { InboxContent } from "../repairs/send-to-customer";

export const INBOX_LIMIT = 100;

export const listInboxInput = z.object({ customerId: z.uuid().optional() });
export type ListInboxInput = z.input<typeof listInboxInput>;

export async function listInbox(db: Db, ctx: ServiceContext, raw: ListInboxInput) {
  const input = listInboxInput.parse(raw);
  const customerId = ctx.actor.customerId ?? input.customerId;
  if (!customerId) throw new InvalidRequest("CUSTOMER_REQUIRED", "Name the customer whose inbox to show.");
  assertAllowed(ctx.actor, "customer.inbox.view", { customerId });
  const rows = await db.portalInboxEntry.findMany({
    where: { customerId },
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    take: INBOX_LIMIT,
    include: { repair: { select: { id: true, status: true } } },
  });
  const senders = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.sentById))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(senders.map((s) => [s.id, s.name]));
  return rows.map((row) => ({
    id: row.id,
    repairId: row.repairId,
    repairStatus: row.repair.status,
    sentAt: row.sentAt,
    sentBy: nameOf.get(row.sentById) ?? "RS Systems",
    message: row.message,
    content: row.content as unknown as InboxContent,
  }));
}
