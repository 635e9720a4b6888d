// What waits for this person's approval, grouped by the walk it was found on so a whole walk
// can be approved at once: a manager sees team and unassigned work within their approval
// limit, an admin everything, a customer user their own company's. Oldest first.
import "server-only";
import { decide, sumCents } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { repairRef } from "../../data/repairs/load-repair-for";
import { type RepairCard, URGENT_FIRST, loadRepairCards } from "../../data/repairs/load-repair-cards";

/** A tablet screen, not a report: beyond this the oldest are shown and `truncated` says so. */
export const QUEUE_LIMIT = 500;

export type ApprovalGroup = {
  /** null: work not found on a walk. */
  walk: {
    id: string;
    status: string;
    startedAt: Date | null;
    endedAt: Date | null;
    scheduledFor: Date | null;
    technician: { id: string; name: string } | null;
  } | null;
  customer: { id: string; name: string };
  repairs: RepairCard[];
  totalEstimateCents: number;
  /** Pending repairs of the same walk this person may not approve (over their limit). */
  othersPending: number;
};

export async function listApprovalQueue(
  db: Db,
  ctx: ServiceContext,
): Promise<{ groups: ApprovalGroup[]; truncated: boolean }> {
  const pending = await loadRepairCards(
    db,
    ctx.actor,
    { status: "PENDING_APPROVAL" },
    {
      take: QUEUE_LIMIT + 1,
      orderBy: URGENT_FIRST,
    },
  );
  const truncated = pending.length > QUEUE_LIMIT;
  const visible = pending.slice(0, QUEUE_LIMIT);
  const walkIds = [...new Set(visible.flatMap((r) => (r.walkId ? [r.walkId] : [])))];
  const walks = await db.lotWalk.findMany({
    where: { id: { in: walkIds } },
    select: {
      id: true,
      status: true,
      startedAt: true,
      endedAt: true,
      scheduledFor: true,
      technician: { select: { id: true, user: { select: { name: true } } } },
    },
  });
  const walkById = new Map(
    walks.map(({ technician, ...w }) => [
      w.id,
      { ...w, technician: technician && { id: technician.id, name: technician.user.name } },
    ]),
  );

  const groups = new Map<string, ApprovalGroup>();
  for (const repair of visible) {
    const key = repair.walkId ?? `customer:${repair.customerId}`;
    const group = groups.get(key) ?? {
      walk: walkById.get(repair.walkId ?? "") ?? null,
      customer: repair.customer,
      repairs: [],
      totalEstimateCents: 0,
      othersPending: 0,
    };
    groups.set(key, group);
    if (decide(ctx.actor, "repair.approve", repairRef(repair)).allowed) group.repairs.push(repair);
    else group.othersPending += 1;
  }
  const withWork = [...groups.values()].filter((g) => g.repairs.length > 0);
  for (const group of withWork) group.totalEstimateCents = sumCents(group.repairs.map((r) => r.estimateCents ?? 0));
  return { groups: withWork, truncated };
}
