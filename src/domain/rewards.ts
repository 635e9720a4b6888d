// Rewards and referrals: a customer earns points for every completed repair, a referring
// customer and the customer it referred earn a bonus each when the referred customer's first
// repair is completed, and points are redeemed for a discount on the next invoice (never a
// change of a repair's price). The ledger is the truth: the balance is the sum of its entries.
import { DomainError } from "./errors";
import { type Cents } from "./money";

export const POINTS_KINDS = ["GRANT_REPAIR", "GRANT_REFERRER", "GRANT_REFERRED", "REDEMPTION", "ADJUSTMENT"] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];

/** The kinds in words, for the ledger tables. */
export const POINTS_KIND_LABELS: Record<PointsKind, string> = {
  GRANT_REPAIR: "Completed repair",
  GRANT_REFERRER: "Referral bonus (referred a customer)",
  GRANT_REFERRED: "Referral bonus (welcome)",
  REDEMPTION: "Redeemed for an invoice discount",
  ADJUSTMENT: "Adjustment",
};

export type RewardSettings = {
  /** Off: completions grant nothing (redemption of points already earned stays possible). */
  enabled: boolean;
  pointsPerRepair: number;
  /** To the customer whose referral brought the new customer. */
  referrerBonus: number;
  /** To the new customer. */
  referredBonus: number;
  /** What 100 points are worth, in cents (100: 100 points = $1.00). */
  centsPer100Points: Cents;
};

/** The earlier system's figures: 50 a repair, 500 to the referrer, 100 to the referred; 100 points = $1.00. */
export const DEFAULT_REWARD_SETTINGS: RewardSettings = {
  enabled: true,
  pointsPerRepair: 50,
  referrerBonus: 500,
  referredBonus: 100,
  centsPer100Points: 100,
};

export const REWARD_SETTING_RANGES = {
  pointsPerRepair: { min: 0, max: 100_000 },
  referrerBonus: { min: 0, max: 1_000_000 },
  referredBonus: { min: 0, max: 1_000_000 },
  centsPer100Points: { min: 1, max: 10_000 },
} as const;

/** Largest redemption at once: keeps points × rate far inside safe integers. */
export const MAX_REDEMPTION_POINTS = 10_000_000;

export class InvalidRewardSettings extends DomainError {
  readonly code = "INVALID_REWARD_SETTINGS";
}
export class InvalidRedemption extends DomainError {
  readonly code = "INVALID_REDEMPTION";
}
export class PointsOverBalance extends DomainError {
  readonly code = "POINTS_OVER_BALANCE";
}
export class InvalidReferral extends DomainError {
  readonly code = "INVALID_REFERRAL";
}

export function assertRewardSettings(settings: RewardSettings): void {
  for (const key of Object.keys(REWARD_SETTING_RANGES) as (keyof typeof REWARD_SETTING_RANGES)[]) {
    const { min, max } = REWARD_SETTING_RANGES[key];
    const value = settings[key];
    if (!Number.isSafeInteger(value) || value < min || value > max)
      throw new InvalidRewardSettings(`${key} must be a whole number between ${min} and ${max}, got ${String(value)}`);
  }
}

/** The points one completion of a repair earns (none while rewards are off). */
export function repairGrant(settings: RewardSettings): number {
  return settings.enabled ? settings.pointsPerRepair : 0;
}

/** The two bonuses paid when a referred customer's first repair is completed (none while off or without referrer). */
export function referralGrants(
  settings: RewardSettings,
  referrerId: string | null,
): { referrer: number; referred: number } | null {
  if (referrerId === null) return null;
  return referralBonuses(settings);
}

/** The bonuses of any referral (the same for every one), or null while rewards are off. */
export function referralBonuses(settings: RewardSettings): { referrer: number; referred: number } | null {
  return settings.enabled ? { referrer: settings.referrerBonus, referred: settings.referredBonus } : null;
}

/**
 * The redemptions an invoice of `totalCents` takes: oldest first, while their sum stays within
 * the total (an invoice is never negative); the rest wait for a later invoice.
 */
export function redemptionsWithin<R extends { amountCents: Cents }>(redemptions: readonly R[], totalCents: Cents): R[] {
  const taken: R[] = [];
  let sum = 0;
  for (const r of redemptions) {
    if (sum + r.amountCents > totalCents) break;
    sum += r.amountCents;
    taken.push(r);
  }
  return taken;
}

/** The balance: the sum of the ledger's entries (grants positive, redemptions negative). */
export function pointsBalance(entries: readonly { points: number }[]): number {
  return entries.reduce((sum, e) => sum + e.points, 0);
}

/**
 * What `points` are worth in cents, rounded DOWN to the whole cent: a redemption never pays a
 * fraction of a cent, and never more than the rate gives (150 points at 100 = 150 cents; 3 points
 * at 50 cents per 100 = 1 cent).
 */
export function redemptionValueCents(points: number, settings: Pick<RewardSettings, "centsPer100Points">): Cents {
  return Math.floor((points * settings.centsPer100Points) / 100);
}

/**
 * A redemption of `points` from `balance`: refused at 0 or below, above the balance, above the
 * largest single redemption, or when worth less than a cent. Answers the ledger entry's points
 * (negative) and its value.
 */
export function decideRedemption(
  points: number,
  balance: number,
  settings: Pick<RewardSettings, "centsPer100Points">,
): { points: number; valueCents: Cents } {
  if (!Number.isSafeInteger(points) || points <= 0)
    throw new InvalidRedemption(`Redeem a whole number of points above 0, not ${String(points)}.`);
  if (points > MAX_REDEMPTION_POINTS)
    throw new InvalidRedemption(`At most ${MAX_REDEMPTION_POINTS} points may be redeemed at once.`);
  if (points > balance)
    throw new PointsOverBalance(`Cannot redeem ${points} points: the balance is ${Math.max(balance, 0)}.`);
  const valueCents = redemptionValueCents(points, settings);
  if (valueCents < 1) throw new InvalidRedemption(`${points} points are worth less than a cent.`);
  return { points: -points, valueCents };
}

/**
 * Who referred a customer: never itself, and never the customer it referred (a cycle of two).
 * `referrersReferrer` is who referred the proposed referrer.
 */
export function assertReferral(customerId: string, referrerId: string | null, referrersReferrer: string | null): void {
  if (referrerId === null) return;
  if (referrerId === customerId) throw new InvalidReferral("A customer cannot refer itself.");
  if (referrersReferrer === customerId)
    throw new InvalidReferral("That customer was referred by this one: a referral cannot go both ways.");
}

/**
 * The daily check: every completed repair (since rewards were switched on) should have its
 * GRANT_REPAIR entry. Answers the repairs without one, in the order given.
 */
export function missingRepairGrants(
  completedRepairIds: readonly string[],
  grantedRepairIds: Iterable<string>,
): string[] {
  const granted = new Set(grantedRepairIds);
  return completedRepairIds.filter((id) => !granted.has(id));
}
