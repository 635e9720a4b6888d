// A customer asks for a lot walk on a date (today or later), at one of its sites (the primary
// one when not named). The id is the client's, so a double click or a retry asks once. The
// office sees it in the week view among the unassigned walks and plans it from there.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed, assertWalkPlan } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { lockCustomer } from "../../data/customers/lock-customer";
import { dateValue } from "../../data/planning/planned-walks";
import { businessDate } from "../../data/settings/business-day";
import { assertSiteOfCustomer } from "../../data/planning/sites";
import { CUSTOMER_WALK_SELECT, customerWalkView } from "../../data/planning/walk-requests";
import { textInput } from "../../data/shared-inputs";
import { retryOnDuplicateId } from "../../data/retry-on-duplicate-id";

export const requestWalkInput = z.object({
  id: z.uuid(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date is written yyyy-mm-dd."),
  siteId: z.uuid().optional(),
  note: textInput(FIELDS.requestNote).default(""),
});
export type RequestWalkInput = z.input<typeof requestWalkInput>;

export async function requestWalk(db: Db, ctx: ServiceContext, raw: RequestWalkInput) {
  const input = requestWalkInput.parse(raw);
  const customerId = ctx.actor.customerId;
  if (!customerId) throw new InvalidRequest("CUSTOMER_REQUIRED", "This account belongs to no customer.");
  assertAllowed(ctx.actor, "walk.request", { customerId });
  assertWalkPlan({ id: input.id, date: input.date, time: null }, businessDate(), []);
  const walk = await retryOnDuplicateId(() =>
    db.$transaction(async (tx) => {
      const earlier = await tx.lotWalk.findUnique({
        where: { id: input.id },
        select: { ...CUSTOMER_WALK_SELECT, customerId: true },
      });
      if (earlier) {
        if (earlier.customerId !== customerId || earlier.requestedById === null) throw new NotFound("Walk");
        return earlier;
      }
      await lockCustomer(tx, customerId);
      const siteId = input.siteId
        ? (await assertSiteOfCustomer(tx, input.siteId, customerId)).id
        : ((await tx.customerSite.findFirst({ where: { customerId, isPrimary: true }, select: { id: true } }))?.id ??
          null);
      const now = new Date();
      const created = await tx.lotWalk.create({
        data: {
          id: input.id,
          customerId,
          siteId,
          technicianId: null,
          origin: "ONE_OFF",
          status: "SCHEDULED",
          scheduledFor: dateValue(input.date),
          scheduledTime: null,
          requestedById: ctx.actor.userId,
          requestedAt: now,
          requestNote: input.note || null,
          changedByHandAt: now,
        },
        select: { ...CUSTOMER_WALK_SELECT, customerId: true },
      });
      await auditChange(tx, ctx, {
        action: "walk.request",
        entityType: "LotWalk",
        entityId: created.id,
        before: null,
        after: { customerId, siteId, scheduledFor: input.date, requestNote: input.note },
      });
      return created;
    }),
  );
  return customerWalkView(walk);
}
