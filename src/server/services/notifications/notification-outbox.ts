// The admin's outbox: every email, SMS and push delivery with its state (pending, sent, kept
// without a provider, failed with the error), filtered by status and channel, newest first; a
// failed one can be tried again (audited), keeping its delivery id.
import "server-only";
import { z } from "zod";
import { DELIVERY_CHANNELS } from "~/domain";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";

export const DELIVERY_STATUSES = ["PENDING", "SENT", "KEPT", "FAILED"] as const;

export const outboxInput = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(DELIVERY_CHANNELS).optional(),
  /** The createdAt of the last row shown (the next page starts after it). */
  before: z.date().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export async function listOutbox(db: Db, raw: z.input<typeof outboxInput>) {
  const input = outboxInput.parse(raw);
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.channel ? { channel: input.channel } : {}),
    ...(input.before ? { createdAt: { lt: input.before } } : {}),
  };
  const rows = await db.notificationDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: {
      id: true,
      channel: true,
      eventType: true,
      frequency: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      subject: true,
      body: true,
      sentAt: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
    },
  });
  const counts = await db.notificationDelivery.groupBy({ by: ["status"], _count: true });
  return {
    items: rows,
    counts: Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?._count ?? 0])),
    nextBefore: rows.length === input.limit ? rows.at(-1)!.createdAt : null,
  };
}

/** A failed (dead-lettered) delivery goes back to the queue now, with a fresh set of tries. */
export async function retryDelivery(db: Db, ctx: ServiceContext, id: string) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; attempts: number }[]>`
      SELECT id, attempts FROM "NotificationDelivery" WHERE id = ${id}::uuid AND status = 'FAILED' FOR UPDATE`;
    if (!row) throw new NotFound("A failed delivery");
    await tx.notificationDelivery.update({
      where: { id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
    });
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "notification.retry",
      entityType: "NotificationDelivery",
      entityId: id,
      changes: {
        status: { before: "FAILED", after: "PENDING" },
        attempts: { before: row.attempts, after: 0 },
      },
    });
    return { id, status: "PENDING" as const };
  });
}

/**
 * Digests held for the end of their hour, day or week go out at the next worker round: for an
 * office that wants its customers told before the period ends. A digest sent early closes; news
 * later in the period starts the next one.
 */
export async function sendHeldDigestsNow(db: Db, ctx: ServiceContext) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "NotificationDelivery" SET "nextAttemptAt" = ${now}
      WHERE status = 'PENDING' AND frequency <> 'instant' AND attempts = 0 AND "nextAttemptAt" > ${now}
      RETURNING id`;
    await writeAudit(tx, {
      actor: { userId: ctx.actor.userId, email: ctx.actor.email },
      origin: ctx.origin,
      action: "notification.digests_now",
      entityType: "NotificationDelivery",
      entityId: "held-digests",
      changes: { digests: { before: null, after: rows.length } },
    });
    return { count: rows.length };
  });
}
