// An admin records which customer referred this one (or clears it). Refused: the customer itself,
// or a customer this one referred (a cycle of two). Both rows are held, in id order, so two
// opposite referrals saved at once cannot both pass. Audited on the customer.
import "server-only";
import { z } from "zod";
import { assertAllowed } from "~/domain";
import { assertReferral } from "~/domain/rewards";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { lockCustomer } from "../../data/customers/lock-customer";

export const setReferrerInput = z.object({
  customerId: z.uuid(),
  referredByCustomerId: z.uuid().nullable(),
});
export type SetReferrerInput = z.input<typeof setReferrerInput>;

export async function setReferrer(db: Db, ctx: ServiceContext, raw: SetReferrerInput) {
  const input = setReferrerInput.parse(raw);
  assertAllowed(ctx.actor, "rewards.manage", { customerId: input.customerId });
  return db.$transaction(async (tx) => {
    const ids = [input.customerId, input.referredByCustomerId].filter((id): id is string => id !== null);
    for (const id of [...new Set(ids)].sort()) await lockCustomer(tx, id);
    const before = await tx.customer.findUniqueOrThrow({
      where: { id: input.customerId },
      select: { id: true, referredByCustomerId: true },
    });
    const referrer = input.referredByCustomerId
      ? await tx.customer.findUniqueOrThrow({
          where: { id: input.referredByCustomerId },
          select: { referredByCustomerId: true },
        })
      : null;
    assertReferral(input.customerId, input.referredByCustomerId, referrer?.referredByCustomerId ?? null);
    const after = await tx.customer.update({
      where: { id: input.customerId },
      data: { referredByCustomerId: input.referredByCustomerId },
      select: { id: true, referredByCustomerId: true },
    });
    await auditChange(tx, ctx, {
      action: "customer.setReferrer",
      entityType: "Customer",
      entityId: input.customerId,
      before,
      after,
    });
    return after;
  });
}
