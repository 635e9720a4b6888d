// A message thread as the actor may reach it. A thread is named by what it is about: a repair
// (its thread) or a customer (the general thread). One the actor may not see is "not found",
// never described by a refusal, like repairs (a customer must not learn of another's threads).
import "server-only";
import { type Actor, type ThreadRef, actorKind, decide } from "~/domain/index";
import type { DbTx } from "../../db";
import type { Prisma } from "../../db/generated/client";
import { InvalidRequest, NotFound } from "../../errors";
import { repairRef } from "../repairs/load-repair-for";
import { visibleRepairsWhere } from "../repairs/visible-repairs-where";

/** A repair's thread, or (no repairId) a customer's general one: a customer user's own when customerId is left out. */
export type ThreadSubject = { repairId?: string | undefined; customerId?: string | undefined };

export type ThreadTarget = { customerId: string; repairId: string | null; threadId: string | null };

const REPAIR_FOR_REF = {
  id: true,
  customerId: true,
  technicianId: true,
  priceCents: true,
  estimateCents: true,
  status: true,
} as const;

/** Which thread a subject names (its id when it already exists); checked against the actor's right. */
export async function resolveThread(tx: DbTx, actor: Actor, subject: ThreadSubject): Promise<ThreadTarget> {
  if (subject.repairId) {
    const repair = await tx.repair.findUnique({ where: { id: subject.repairId }, select: REPAIR_FOR_REF });
    if (!repair || !decide(actor, "message.thread", { customerId: repair.customerId, repair: repairRef(repair) }).allowed)
      throw new NotFound("Thread");
    const thread = await tx.messageThread.findUnique({ where: { repairId: repair.id }, select: { id: true } });
    return { customerId: repair.customerId, repairId: repair.id, threadId: thread?.id ?? null };
  }
  const customerId = subject.customerId ?? actor.customerId;
  if (!customerId) throw customerRequired();
  if (!decide(actor, "message.thread", { customerId, repair: null }).allowed) throw new NotFound("Thread");
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw new NotFound("Thread");
  const thread = await tx.messageThread.findFirst({ where: { customerId, repairId: null }, select: { id: true } });
  return { customerId, repairId: null, threadId: thread?.id ?? null };
}

/** A thread by id, when the actor may reach it. */
export async function loadThreadFor(tx: DbTx, actor: Actor, threadId: string) {
  const thread = await tx.messageThread.findUnique({
    where: { id: threadId },
    include: { repair: { select: REPAIR_FOR_REF } },
  });
  if (!thread || !decide(actor, "message.thread", threadRefOf(thread)).allowed) throw new NotFound("Thread");
  return thread;
}

const threadRefOf = (thread: {
  customerId: string;
  repair: Parameters<typeof repairRef>[0] | null;
}): ThreadRef => ({ customerId: thread.customerId, repair: thread.repair ? repairRef(thread.repair) : null });

/**
 * The thread of a subject, made on its first message. Two first messages at once both land in
 * one thread: the insert skips on the unique indexes (repairId, or the general thread's
 * customerId) and the row is read back.
 */
export async function ensureThread(tx: DbTx, target: ThreadTarget): Promise<string> {
  if (target.threadId) return target.threadId;
  if (target.repairId) {
    await tx.$executeRaw`INSERT INTO "MessageThread" (id, "customerId", "repairId", "updatedAt")
      VALUES (gen_random_uuid(), ${target.customerId}::uuid, ${target.repairId}::uuid, now())
      ON CONFLICT DO NOTHING`;
    return (await tx.messageThread.findUniqueOrThrow({ where: { repairId: target.repairId } })).id;
  }
  await tx.$executeRaw`INSERT INTO "MessageThread" (id, "customerId", "repairId", "updatedAt")
    VALUES (gen_random_uuid(), ${target.customerId}::uuid, NULL, now())
    ON CONFLICT DO NOTHING`;
  return (await tx.messageThread.findFirstOrThrow({ where: { customerId: target.customerId, repairId: null } })).id;
}

/** The threads the actor may see, as a database filter (each is still checked with decide()). */
export function visibleThreadsWhere(actor: Actor): Prisma.MessageThreadWhereInput {
  switch (actorKind(actor)) {
    case "admin":
      return {};
    case "customer":
      return { customerId: actor.customerId ?? "00000000-0000-0000-0000-000000000000" };
    case "technician":
      return { repair: visibleRepairsWhere(actor) };
    case "manager":
      return { OR: [{ repairId: null }, { repair: visibleRepairsWhere(actor) }] };
  }
}

export const mayReachThread = (
  actor: Actor,
  thread: { customerId: string; repair: Parameters<typeof repairRef>[0] | null },
) => decide(actor, "message.thread", threadRefOf(thread)).allowed;

/** Which side a message was written from, as its author stood then. */
export function sideOf(actor: Actor): "customer" | "office" | "technician" {
  const kind = actorKind(actor);
  if (kind === "customer") return "customer";
  return kind === "technician" ? "technician" : "office";
}

export const customerRequired = () =>
  new InvalidRequest("CUSTOMER_REQUIRED", "Name the customer whose general thread to open.");
