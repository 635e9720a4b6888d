// An admin redeems a customer's points: a REDEMPTION entry (negative points, its value frozen at
// the rate in force) that the customer's next invoice takes as a discount line. Decided under the
// customer's row lock, so two redemptions at once are decided one after the other and the balance
// never goes below zero. Audited.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import { decideRedemption } from "~/domain/rewards";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { auditChange } from "../../data/audit-change";
import { lockCustomer } from "../../data/customers/lock-customer";
import { pointsBalanceOf } from "../../data/rewards/points-ledger";
import { readRewardSettings } from "../../data/rewards/reward-settings";
import { textInput } from "../../data/shared-inputs";

export const redeemPointsInput = z.object({
  customerId: z.uuid(),
  points: z.number(),
  note: textInput(FIELDS.pointsNote).optional(),
});
export type RedeemPointsInput = z.input<typeof redeemPointsInput>;

export async function redeemPoints(db: Db, ctx: ServiceContext, raw: RedeemPointsInput) {
  const input = redeemPointsInput.parse(raw);
  assertAllowed(ctx.actor, "rewards.manage", { customerId: input.customerId });
  return db.$transaction(async (tx) => {
    await lockCustomer(tx, input.customerId);
    const balance = await pointsBalanceOf(tx, input.customerId);
    const decided = decideRedemption(input.points, balance, await readRewardSettings(tx));
    const entry = await tx.pointsEntry.create({
      data: {
        customerId: input.customerId,
        kind: "REDEMPTION",
        points: decided.points,
        valueCents: decided.valueCents,
        note: input.note ?? "",
        createdById: ctx.actor.userId,
      },
    });
    await auditChange(tx, ctx, {
      action: "rewards.redeem",
      entityType: "PointsEntry",
      entityId: entry.id,
      before: null,
      after: { ...entry, balanceAfter: balance + decided.points },
    });
    return { id: entry.id, points: -decided.points, valueCents: decided.valueCents, balance: balance + decided.points };
  });
}
