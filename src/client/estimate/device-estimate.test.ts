import { DEFAULT_PRICING_RULES } from "~/domain";
import { describe, expect, it } from "vitest";
import { type EstimateFacts, deviceEstimate } from "./device-estimate";

const facts = (over: Partial<EstimateFacts> = {}): EstimateFacts => ({
  customer: {
    approval: { autoApproveLotRepairs: true, maxAutoApproveCents: 4000, requirePhotoForApproval: true },
    pricing: DEFAULT_PRICING_RULES,
    completedThisMonth: 0,
  },
  completedOnWindshield: 0,
  completedOnSpotOnUnit: 0,
  completedOnSpotForCustomer: 0,
  breakIndex: 0,
  completedOnSpot: false,
  hasDamagePhoto: true,
  hasAfterPhoto: false,
  ...over,
});

describe("deviceEstimate", () => {
  it("prices like the server's capture: completed on the windshield + break index + 1", () => {
    expect(deviceEstimate(facts({ completedOnWindshield: 1, breakIndex: 1 })).quote).toMatchObject({
      ordinal: 3,
      cents: 3500,
    });
  });

  it("a repair fixed on the spot is priced at completion: index 0, after this device's earlier fixes", () => {
    const e = deviceEstimate(
      facts({
        completedOnWindshield: 1,
        completedOnSpotOnUnit: 1,
        breakIndex: 2,
        completedOnSpot: true,
        hasAfterPhoto: true,
      }),
    );
    expect(e.quote).toMatchObject({ ordinal: 3, cents: 3500 });
  });

  it("decides auto-approval with the customer's cached settings", () => {
    expect(deviceEstimate(facts()).decision).toMatchObject({ autoApproved: false, rule: "OVER_LIMIT" });
    expect(deviceEstimate(facts({ completedOnWindshield: 1 })).decision).toMatchObject({ autoApproved: true });
    expect(deviceEstimate(facts({ completedOnWindshield: 1, hasDamagePhoto: false })).decision.rule).toBe(
      "PHOTO_REQUIRED",
    );
  });

  it("allows fixing now only when auto-approved and an after photo exists", () => {
    expect(deviceEstimate(facts()).fixNow).toMatchObject({ allowed: false, rule: "OVER_LIMIT" });
    expect(deviceEstimate(facts({ completedOnWindshield: 1 })).fixNow).toEqual({
      allowed: false,
      rule: "AFTER_PHOTO_REQUIRED",
      reason: "cannot complete: take an after photo before completing",
    });
    expect(deviceEstimate(facts({ completedOnWindshield: 1, hasAfterPhoto: true })).fixNow).toEqual({ allowed: true });
  });

  it("counts this device's fixes this month toward the volume discount", () => {
    const customer = {
      ...facts().customer,
      pricing: { ...DEFAULT_PRICING_RULES, volumeDiscountThreshold: 3, volumeDiscountBasisPoints: 1000 },
      completedThisMonth: 1,
    };
    expect(deviceEstimate(facts({ customer })).quote.cents).toBe(5000);
    expect(deviceEstimate(facts({ customer, completedOnSpotForCustomer: 1 })).quote).toMatchObject({
      cents: 4500,
      source: "VOLUME_DISCOUNT",
    });
  });
});
