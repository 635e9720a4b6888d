// Parts requests: the office's list (open ones first, urgent first, oldest first), or those of
// one repair for its card on the phone. Only requests on repairs the actor may see.
import "server-only";
import { z } from "zod";
import { PARTS_STATUSES, decide } from "~/domain/index";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { PARTS_REQUEST_INCLUDE, type PartsRequestView, partsRequestView } from "../../data/parts/parts-request-view";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { visibleRepairsWhere } from "../../data/repairs/visible-repairs-where";

export const PARTS_LIST_LIMIT = 200;

export const listPartsRequestsInput = z.object({
  /** Default: the open ones (requested or acknowledged). */
  statuses: z.array(z.enum(PARTS_STATUSES)).max(PARTS_STATUSES.length).optional(),
});
export type ListPartsRequestsInput = z.input<typeof listPartsRequestsInput>;

export async function listPartsRequests(
  db: Db,
  ctx: ServiceContext,
  raw: ListPartsRequestsInput,
): Promise<{ requests: PartsRequestView[]; truncated: boolean }> {
  const input = listPartsRequestsInput.parse(raw);
  const rows = await db.partsRequest.findMany({
    where: {
      status: { in: input.statuses ?? ["REQUESTED", "ACKNOWLEDGED"] },
      repair: visibleRepairsWhere(ctx.actor),
    },
    include: PARTS_REQUEST_INCLUDE,
    orderBy: [{ urgency: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    take: PARTS_LIST_LIMIT + 1,
  });
  const visible = rows.filter((r) => decide(ctx.actor, "repair.view", repairRef(r.repair)).allowed);
  return {
    requests: visible.slice(0, PARTS_LIST_LIMIT).map(partsRequestView),
    truncated: rows.length > PARTS_LIST_LIMIT,
  };
}

export const partsForRepairInput = z.object({ repairId: z.uuid() });
export type PartsForRepairInput = z.input<typeof partsForRepairInput>;

export async function listPartsForRepair(
  db: Db,
  ctx: ServiceContext,
  raw: PartsForRepairInput,
): Promise<PartsRequestView[]> {
  const input = partsForRepairInput.parse(raw);
  await loadRepairFor(db, ctx.actor, input.repairId, { lock: false });
  const rows = await db.partsRequest.findMany({
    where: { repairId: input.repairId },
    include: PARTS_REQUEST_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: PARTS_LIST_LIMIT,
  });
  return rows.map(partsRequestView);
}
