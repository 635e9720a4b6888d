// A customer's rewards as the admin's customer page and the portal show them: balance (and what
// it is worth), the ledger newest first, who referred the customer and whom it referred, and
// the figures in force. A customer user sees only their own company's ("not found" otherwise).
import "server-only";
import { z } from "zod";
import { type Actor, decide } from "~/domain";
import { type RewardSettings, redemptionValueCents } from "~/domain/rewards";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { InvalidRequest, NotFound } from "../../errors";
import { type LedgerEntryView, ledgerOf, pointsBalanceOf } from "../../data/rewards/points-ledger";
import { readRewardSettings } from "../../data/rewards/reward-settings";

export const customerRewardsInput = z.object({ customerId: z.uuid().optional() });
export type CustomerRewardsInput = z.input<typeof customerRewardsInput>;

export type CustomerRewards = {
  customerId: string;
  customerName: string;
  balance: number;
  balanceValueCents: number;
  /** Redeemed points waiting for the next invoice. */
  pendingRedemptionPoints: number;
  entries: LedgerEntryView[];
  referredBy: { id: string; name: string } | null;
  referrals: { id: string; name: string }[];
  settings: RewardSettings;
};

export function rewardsCustomerOf(actor: Actor, named: string | undefined): string {
  const customerId = named ?? actor.customerId;
  if (!customerId) throw new InvalidRequest("CUSTOMER_REQUIRED", "Choose a customer.");
  if (!decide(actor, "rewards.view", { customerId }).allowed) throw new NotFound("Customer");
  return customerId;
}

export async function getCustomerRewards(
  db: Db,
  ctx: ServiceContext,
  raw: CustomerRewardsInput,
): Promise<CustomerRewards> {
  const input = customerRewardsInput.parse(raw);
  const customerId = rewardsCustomerOf(ctx.actor, input.customerId);
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      name: true,
      referredBy: { select: { id: true, name: true } },
      referrals: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  if (!customer) throw new NotFound("Customer");
  const [balance, entries, settings, pending] = await Promise.all([
    pointsBalanceOf(db, customerId),
    ledgerOf(db, customerId),
    readRewardSettings(db),
    db.pointsEntry.aggregate({
      where: { customerId, kind: "REDEMPTION", invoiceId: null },
      _sum: { points: true },
    }),
  ]);
  return {
    customerId,
    customerName: customer.name,
    balance,
    balanceValueCents: redemptionValueCents(Math.max(balance, 0), settings),
    pendingRedemptionPoints: -(pending._sum.points ?? 0),
    entries,
    referredBy: customer.referredBy,
    referrals: customer.referrals,
    settings,
  };
}
