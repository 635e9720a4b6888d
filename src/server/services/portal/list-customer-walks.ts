// The customer's coming lot walks (planned from its schedule, by the office, or asked for on the
// portal), from the business's today on, soonest first.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain/index";
import type { Db } from "../../db";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { dateValue } from "../../data/planning/planned-walks";
import { businessDate } from "../../data/settings/business-day";
import { CUSTOMER_WALK_SELECT, customerWalkView } from "../../data/planning/walk-requests";

export const UPCOMING_WALKS_LIMIT = 60;

export const listCustomerWalksInput = z.object({ customerId: z.uuid().optional() });

export async function listCustomerWalks(db: Db, ctx: ServiceContext, raw: z.input<typeof listCustomerWalksInput> = {}) {
  const input = listCustomerWalksInput.parse(raw);
  const customerId = ctx.actor.customerId ?? input.customerId;
  if (!customerId) throw new InvalidRequest("CUSTOMER_REQUIRED", "Name the customer whose walks to show.");
  assertAllowed(ctx.actor, "walk.request", { customerId });
  const walks = await db.lotWalk.findMany({
    where: {
      customerId,
      status: { in: ["SCHEDULED", "IN_PROGRESS"] },
      scheduledFor: { gte: dateValue(businessDate()) },
    },
    orderBy: [{ scheduledFor: "asc" }, { scheduledTime: "asc" }, { id: "asc" }],
    take: UPCOMING_WALKS_LIMIT,
    select: CUSTOMER_WALK_SELECT,
  });
  return walks.map(customerWalkView);
}
