import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_REWARD_SETTINGS,
  InvalidRedemption,
  InvalidReferral,
  InvalidRewardSettings,
  PointsOverBalance,
  assertReferral,
  assertRewardSettings,
  decideRedemption,
  missingRepairGrants,
  pointsBalance,
  redemptionValueCents,
  redemptionsWithin,
  referralGrants,
  repairGrant,
} from "./rewards";

const off = { ...DEFAULT_REWARD_SETTINGS, enabled: false };

describe("grants", () => {
  it("50 points a completed repair by default, none while rewards are off", () => {
    expect(repairGrant(DEFAULT_REWARD_SETTINGS)).toBe(50);
    expect(repairGrant(off)).toBe(0);
  });

  it("a referral pays 500 to the referrer and 100 to the referred, only with a referrer and rewards on", () => {
    expect(referralGrants(DEFAULT_REWARD_SETTINGS, "a")).toEqual({ referrer: 500, referred: 100 });
    expect(referralGrants(DEFAULT_REWARD_SETTINGS, null)).toBeNull();
    expect(referralGrants(off, "a")).toBeNull();
  });
});

describe("settings", () => {
  it("accepts the defaults and refuses fractions, negatives and a zero rate", () => {
    expect(() => assertRewardSettings(DEFAULT_REWARD_SETTINGS)).not.toThrow();
    expect(() => assertRewardSettings({ ...DEFAULT_REWARD_SETTINGS, pointsPerRepair: 1.5 })).toThrow(
      InvalidRewardSettings,
    );
    expect(() => assertRewardSettings({ ...DEFAULT_REWARD_SETTINGS, referrerBonus: -1 })).toThrow(
      InvalidRewardSettings,
    );
    expect(() => assertRewardSettings({ ...DEFAULT_REWARD_SETTINGS, centsPer100Points: 0 })).toThrow(
      InvalidRewardSettings,
    );
  });
});

describe("balance and redemption", () => {
  it("the balance is the sum of the entries", () => {
    expect(pointsBalance([])).toBe(0);
    expect(pointsBalance([{ points: 50 }, { points: 500 }, { points: -120 }])).toBe(430);
  });

  it("100 points are worth $1.00 by default; fractions of a cent are rounded down", () => {
    expect(redemptionValueCents(100, DEFAULT_REWARD_SETTINGS)).toBe(100);
    expect(redemptionValueCents(150, DEFAULT_REWARD_SETTINGS)).toBe(150);
    expect(redemptionValueCents(3, { centsPer100Points: 50 })).toBe(1);
    expect(redemptionValueCents(199, { centsPer100Points: 1 })).toBe(1);
  });

  it("refuses 0, negative, fractional, over-balance and sub-cent redemptions", () => {
    expect(() => decideRedemption(0, 100, DEFAULT_REWARD_SETTINGS)).toThrow(InvalidRedemption);
    expect(() => decideRedemption(-5, 100, DEFAULT_REWARD_SETTINGS)).toThrow(InvalidRedemption);
    expect(() => decideRedemption(1.5, 100, DEFAULT_REWARD_SETTINGS)).toThrow(InvalidRedemption);
    expect(() => decideRedemption(101, 100, DEFAULT_REWARD_SETTINGS)).toThrow(PointsOverBalance);
    expect(() => decideRedemption(1, 100, { centsPer100Points: 50 })).toThrow(InvalidRedemption);
    expect(decideRedemption(100, 100, DEFAULT_REWARD_SETTINGS)).toEqual({ points: -100, valueCents: 100 });
  });

  it("property: an accepted redemption never overdraws and never pays more than the exact value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 20_000_000 }),
        fc.integer({ min: -1000, max: 20_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (points, balance, rate) => {
          let decided: { points: number; valueCents: number };
          try {
            decided = decideRedemption(points, balance, { centsPer100Points: rate });
          } catch {
            return;
          }
          expect(balance + decided.points).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(decided.valueCents)).toBe(true);
          expect(decided.valueCents * 100).toBeLessThanOrEqual(points * rate);
          expect((decided.valueCents + 1) * 100).toBeGreaterThan(points * rate);
        },
      ),
    );
  });
});

describe("referrals", () => {
  it("refuses self-referral and a referral both ways", () => {
    expect(() => assertReferral("a", "a", null)).toThrow(InvalidReferral);
    expect(() => assertReferral("a", "b", "a")).toThrow(InvalidReferral);
    expect(() => assertReferral("a", "b", "c")).not.toThrow();
    expect(() => assertReferral("a", null, null)).not.toThrow();
  });
});

describe("redemptions on an invoice", () => {
  it("takes them oldest first while they fit in the invoice's total; the rest wait", () => {
    const r = (id: string, amountCents: number) => ({ id, amountCents });
    expect(redemptionsWithin([r("a", 300), r("b", 500), r("c", 100)], 850)).toEqual([r("a", 300), r("b", 500)]);
    expect(redemptionsWithin([r("a", 300), r("b", 500)], 800)).toEqual([r("a", 300), r("b", 500)]);
    expect(redemptionsWithin([r("a", 300)], 299)).toEqual([]);
  });
});

describe("the points check", () => {
  it("names the completed repairs without a grant", () => {
    expect(missingRepairGrants(["r1", "r2", "r3"], ["r2"])).toEqual(["r1", "r3"]);
    expect(missingRepairGrants(["r1"], ["r1", "other"])).toEqual([]);
  });
});
