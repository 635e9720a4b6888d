// Work nobody has been given yet (a customer's request, an approved find without a technician),
// urgent first, then oldest first: always visible to whoever may assign it.
import "server-only";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { type RepairCard, URGENT_FIRST, loadRepairCards } from "../../data/repairs/load-repair-cards";
import { QUEUE_LIMIT } from "./list-approval-queue";

export async function listRequestsWaiting(
  db: Db,
  ctx: ServiceContext,
): Promise<{ repairs: RepairCard[]; truncated: boolean }> {
  const cards = await loadRepairCards(
    db,
    ctx.actor,
    { technicianId: null, status: { in: ["REQUESTED", "APPROVED"] } },
    { take: QUEUE_LIMIT + 1, orderBy: URGENT_FIRST },
  );
  return { repairs: cards.slice(0, QUEUE_LIMIT), truncated: cards.length > QUEUE_LIMIT };
}
