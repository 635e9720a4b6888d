// Repairs a device and the server disagreed on (price, auto-approval) that no manager has
// settled yet, oldest first, with the reason the server gave.
import "server-only";
import type { Db } from "../../db";
import type { Prisma } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { type RepairCard, loadRepairCards } from "../../data/repairs/load-repair-cards";
import { QUEUE_LIMIT } from "./list-approval-queue";

/** The database form of the domain's flagIsOpen. */
export const OPEN_FLAG = { flaggedReason: { not: null }, flagResolvedAt: null } satisfies Prisma.RepairWhereInput;

export async function listFlaggedRepairs(
  db: Db,
  ctx: ServiceContext,
): Promise<{ repairs: RepairCard[]; truncated: boolean }> {
  const cards = await loadRepairCards(db, ctx.actor, OPEN_FLAG, { take: QUEUE_LIMIT + 1 });
  return { repairs: cards.slice(0, QUEUE_LIMIT), truncated: cards.length > QUEUE_LIMIT };
}
