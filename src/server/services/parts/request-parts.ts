// "Request Parts": the technician on a repair asks the office for parts (item, quantity, note,
// urgency); the office sees it in its parts list, and the phone sees its status. Online, or from
// the device's queue (sync.push "repair.requestParts"): the request's id is then the device's, so
// a replay answers with the request made the first time and creates nothing twice.
import "server-only";
import { z } from "zod";
import { PARTS_URGENCIES, assertAllowed, checkPartsRequest } from "~/domain/index";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { PARTS_REQUEST_INCLUDE, type PartsRequestView, partsRequestView } from "../../data/parts/parts-request-view";
import { InvalidRequest } from "../../errors";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";
import { lockRepairRow } from "../../data/repairs/repair-change";
import { int4Input } from "../../data/shared-inputs";

// Only the shape here: the quantity's range and the texts' rules are the domain's, with its own code.
export const requestPartsInput = z.object({
  /** The request's id, chosen by the device (a queued request); the server's otherwise. */
  id: z.uuid().optional(),
  repairId: z.uuid(),
  item: z.string().max(10_000),
  quantity: int4Input,
  note: z.string().max(10_000).default(""),
  urgency: z.enum(PARTS_URGENCIES).default("ROUTINE"),
});
export type RequestPartsInput = z.input<typeof requestPartsInput>;

export async function requestParts(db: Db, ctx: ServiceContext, raw: RequestPartsInput): Promise<PartsRequestView> {
  const input = requestPartsInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (input.id) {
      // A replay waits for its first push on the repair's lock, then finds what it made.
      await lockRepairRow(tx, input.repairId);
      const earlier = await tx.partsRequest.findUnique({ where: { id: input.id }, include: PARTS_REQUEST_INCLUDE });
      if (earlier) {
        if (earlier.requestedById !== ctx.actor.userId || earlier.repairId !== input.repairId)
          throw new InvalidRequest("ID_IN_USE", "This parts request's id is already used by another request.");
        return partsRequestView(earlier);
      }
    }
    const repair = await loadRepairFor(tx, ctx.actor, input.repairId, { lock: false });
    assertAllowed(ctx.actor, "repair.requestParts", repairRef(repair));
    const draft = checkPartsRequest(input);
    const created = await tx.partsRequest.create({
      data: { ...draft, ...(input.id ? { id: input.id } : {}), repairId: repair.id, requestedById: ctx.actor.userId },
      include: PARTS_REQUEST_INCLUDE,
    });
    const { repair: _repair, ...row } = created;
    await auditChange(tx, ctx, {
      action: "parts.request",
      entityType: "PartsRequest",
      entityId: created.id,
      before: null,
      after: row,
    });
    return partsRequestView(created);
  });
}
