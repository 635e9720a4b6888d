// A customer withdraws a walk it asked for, as long as the walk has not started. Walks the
// schedule or the office planned are not the customer's to cancel (they ask the office).
import "server-only";
import { z } from "zod";
import { assertAllowed, decide } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { CUSTOMER_WALK_SELECT, customerWalkView } from "../../data/planning/walk-requests";

export const cancelWalkRequestInput = z.object({ walkId: z.uuid() });
export type CancelWalkRequestInput = z.input<typeof cancelWalkRequestInput>;

export async function cancelWalkRequest(db: Db, ctx: ServiceContext, raw: CancelWalkRequestInput) {
  const input = cancelWalkRequestInput.parse(raw);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "LotWalk" WHERE id = ${input.walkId}::uuid FOR UPDATE`;
    const walk = await tx.lotWalk.findUnique({
      where: { id: input.walkId },
      select: { ...CUSTOMER_WALK_SELECT, customerId: true },
    });
    if (!walk || !decide(ctx.actor, "walk.request", { customerId: walk.customerId }).allowed)
      throw new NotFound("Walk");
    assertAllowed(ctx.actor, "walk.request", { customerId: walk.customerId });
    if (walk.requestedById === null)
      throw new InvalidRequest(
        "WALK_REQUEST_NOT_CANCELLABLE",
        "This walk was planned by the office: ask the office to change it.",
      );
    if (walk.status !== "SCHEDULED")
      throw new InvalidRequest(
        "WALK_REQUEST_NOT_CANCELLABLE",
        `This walk is ${walk.status.toLowerCase().replace("_", " ")}: it can no longer be withdrawn.`,
      );
    const after = await tx.lotWalk.update({
      where: { id: walk.id },
      data: { status: "CANCELLED", changedByHandAt: new Date() },
      select: CUSTOMER_WALK_SELECT,
    });
    await auditChange(tx, ctx, {
      action: "walk.request.cancel",
      entityType: "LotWalk",
      entityId: walk.id,
      before: { status: walk.status },
      after: { status: after.status },
    });
    return customerWalkView(after);
  });
}
