// The office's side of a parts request: acknowledge it, fulfil it, or cancel it. The domain
// orders the steps (fulfilled and cancelled are final); who may is "parts.manage".
import "server-only";
import { z } from "zod";
import { type PartsStep, assertAllowed, nextPartsStatus } from "~/domain/index";
import type { Db } from "../../db";
import type { Prisma } from "../../db/generated/client";
import { NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { PARTS_REQUEST_INCLUDE, type PartsRequestView, partsRequestView } from "../../data/parts/parts-request-view";
import { loadRepairFor, repairRef } from "../../data/repairs/load-repair-for";

export const advancePartsRequestInput = z.object({
  id: z.uuid(),
  step: z.enum(["acknowledge", "fulfil", "cancel"]),
});
export type AdvancePartsRequestInput = z.input<typeof advancePartsRequestInput>;

export async function advancePartsRequest(
  db: Db,
  ctx: ServiceContext,
  raw: AdvancePartsRequestInput,
): Promise<PartsRequestView> {
  const input = advancePartsRequestInput.parse(raw);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "PartsRequest" WHERE id = ${input.id}::uuid FOR UPDATE`;
    const before = await tx.partsRequest.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFound("Parts request");
    // A request on a repair the actor may not see is "not found" too.
    const repair = await loadRepairFor(tx, ctx.actor, before.repairId, { lock: false });
    assertAllowed(ctx.actor, "parts.manage", repairRef(repair));
    const status = nextPartsStatus(before.status, input.step);
    const after = await tx.partsRequest.update({
      where: { id: before.id },
      data: { status, ...stamp(input.step, ctx.actor.userId) },
      include: PARTS_REQUEST_INCLUDE,
    });
    const { repair: _repair, ...row } = after;
    await auditChange(tx, ctx, {
      action: `parts.${input.step}`,
      entityType: "PartsRequest",
      entityId: before.id,
      before,
      after: row,
    });
    return partsRequestView(after);
  });
}

function stamp(step: PartsStep, userId: string): Prisma.PartsRequestUpdateInput {
  const now = new Date();
  switch (step) {
    case "acknowledge":
      return { acknowledgedById: userId, acknowledgedAt: now };
    case "fulfil":
      return { fulfilledById: userId, fulfilledAt: now };
    case "cancel":
      return { cancelledById: userId, cancelledAt: now };
  }
}
