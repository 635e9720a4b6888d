// The repairs the actor may see (technician: own; manager: team and unassigned; admin: all;
// customer user: own company), newest first, a page at a time.
import "server-only";
import { z } from "zod";
import { COUNT_LIMITS, decide } from "~/domain";
import type { Db } from "../../db";
import { RepairStatus } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { repairRef } from "../../data/repairs/load-repair-for";
import { repairView } from "../../data/repairs/repair-view";
import { visibleRepairsWhere } from "../../data/repairs/visible-repairs-where";

export const listRepairsInput = z.object({
  status: z.array(z.enum(RepairStatus)).min(1).optional(),
  customerId: z.uuid().optional(),
  walkId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** The last id of the previous page. */
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(COUNT_LIMITS.repairsPerPage).default(50),
});
export type ListRepairsInput = z.input<typeof listRepairsInput>;

export async function listRepairs(db: Db, ctx: ServiceContext, raw: ListRepairsInput = {}) {
  const input = listRepairsInput.parse(raw);
  const rows = await db.repair.findMany({
    where: {
      AND: [
        visibleRepairsWhere(ctx.actor),
        {
          status: input.status ? { in: input.status } : undefined,
          customerId: input.customerId,
          walkId: input.walkId,
          unitId: input.unitId,
        },
      ],
    },
    include: { unit: { select: { unitNumber: true, windshieldSeq: true } }, customer: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page
      .filter((r) => decide(ctx.actor, "repair.view", repairRef(r)).allowed)
      .map((r) => repairView(ctx.actor, r)),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
