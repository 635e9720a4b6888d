import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type ApprovalSettings, autoApprovalDisagrees, autoApprovalFor, currentApprovalReason } from "./approval";
import { InvalidAmount } from "./errors";

const on: ApprovalSettings = { autoApproveLotRepairs: true, maxAutoApproveCents: 5000, requirePhotoForApproval: true };

describe("autoApprovalFor", () => {
  it("auto-approves within the limit with a photo", () => {
    expect(autoApprovalFor({ estimateCents: 4000, hasDamagePhoto: true, settings: on })).toEqual({
      autoApproved: true,
      rule: "WITHIN_LIMIT",
      reason: "auto-approved: $40.00 is within the $50.00 limit",
    });
  });
  it("an estimate equal to the limit is within it", () => {
    expect(autoApprovalFor({ estimateCents: 5000, hasDamagePhoto: true, settings: on }).autoApproved).toBe(true);
  });
  it("over the limit needs approval", () => {
    expect(autoApprovalFor({ estimateCents: 6500, hasDamagePhoto: true, settings: on })).toEqual({
      autoApproved: false,
      rule: "OVER_LIMIT",
      reason: "needs approval: $65.00 is over the $50.00 auto-approve limit",
    });
  });
  it("a missing damage photo needs approval when photos are required", () => {
    expect(autoApprovalFor({ estimateCents: 4000, hasDamagePhoto: false, settings: on })).toEqual({
      autoApproved: false,
      rule: "PHOTO_REQUIRED",
      reason: "needs approval: a damage photo is required",
    });
  });
  it("no photo is fine when photos are not required", () => {
    const settings = { ...on, requirePhotoForApproval: false };
    expect(autoApprovalFor({ estimateCents: 4000, hasDamagePhoto: false, settings }).rule).toBe("WITHIN_LIMIT");
  });
  it("auto-approval off needs approval", () => {
    const settings = { ...on, autoApproveLotRepairs: false };
    expect(autoApprovalFor({ estimateCents: 0, hasDamagePhoto: true, settings })).toEqual({
      autoApproved: false,
      rule: "AUTO_APPROVE_OFF",
      reason: "needs approval: this customer approves lot repairs manually",
    });
  });
  it("reports the first failing rule in the order off, photo, limit", () => {
    const cases: [ApprovalSettings, boolean, number, string][] = [
      [{ ...on, autoApproveLotRepairs: false }, false, 9999, "AUTO_APPROVE_OFF"],
      [on, false, 9999, "PHOTO_REQUIRED"],
      [on, true, 9999, "OVER_LIMIT"],
    ];
    for (const [settings, hasDamagePhoto, estimateCents, rule] of cases) {
      expect(autoApprovalFor({ estimateCents, hasDamagePhoto, settings }).rule).toBe(rule);
    }
  });
  it("a limit of 0 only lets free repairs through", () => {
    const settings = { ...on, maxAutoApproveCents: 0 };
    expect(autoApprovalFor({ estimateCents: 0, hasDamagePhoto: true, settings }).autoApproved).toBe(true);
    expect(autoApprovalFor({ estimateCents: 1, hasDamagePhoto: true, settings }).autoApproved).toBe(false);
  });
  it("refuses negative or fractional amounts", () => {
    expect(() => autoApprovalFor({ estimateCents: -1, hasDamagePhoto: true, settings: on })).toThrow(InvalidAmount);
    expect(() =>
      autoApprovalFor({ estimateCents: 1, hasDamagePhoto: true, settings: { ...on, maxAutoApproveCents: 1.5 } }),
    ).toThrow(InvalidAmount);
  });
  it("approves exactly when all three rules pass", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 100_000 }),
        (auto, photoRequired, hasPhoto, limit, estimate) => {
          const settings = {
            autoApproveLotRepairs: auto,
            maxAutoApproveCents: limit,
            requirePhotoForApproval: photoRequired,
          };
          const decision = autoApprovalFor({ estimateCents: estimate, hasDamagePhoto: hasPhoto, settings });
          expect(decision.autoApproved).toBe(auto && (!photoRequired || hasPhoto) && estimate <= limit);
          expect(decision.autoApproved).toBe(decision.rule === "WITHIN_LIMIT");
        },
      ),
    );
  });
});

describe("autoApprovalDisagrees", () => {
  it("flags a device approval that the server, with newer settings, would not give", () => {
    const device = autoApprovalFor({ estimateCents: 4000, hasDamagePhoto: true, settings: on });
    const server = autoApprovalFor({
      estimateCents: 4000,
      hasDamagePhoto: true,
      settings: { ...on, maxAutoApproveCents: 3000 },
    });
    expect(autoApprovalDisagrees(device, server)).toBe(true);
    expect(autoApprovalDisagrees(device, device)).toBe(false);
  });
});

describe("the reason a repair waits, after a manager changed its price", () => {
  const settings = { autoApproveLotRepairs: true, maxAutoApproveCents: 4000, requirePhotoForApproval: false };
  const base = {
    status: "PENDING_APPROVAL",
    approvalReason: "needs approval: $50.00 is over the $40.00 auto-approve limit",
    hasDamagePhoto: true,
    settings,
  };
  it("keeps the stored reason without an override, or once decided", () => {
    expect(currentApprovalReason({ ...base, overrideCents: null })).toBe(base.approvalReason);
    expect(currentApprovalReason({ ...base, status: "APPROVED", overrideCents: 4500 })).toBe(base.approvalReason);
  });
  it("asks the rules again with the new price", () => {
    expect(currentApprovalReason({ ...base, overrideCents: 4500 })).toBe(
      "needs approval: $45.00 is over the $40.00 auto-approve limit",
    );
    expect(currentApprovalReason({ ...base, overrideCents: 3000 })).toBe(
      "needs approval: a manager set the price to $30.00, within the $40.00 limit; a person approves a changed price",
    );
    expect(
      currentApprovalReason({ ...base, overrideCents: 3000, settings: { ...settings, autoApproveLotRepairs: false } }),
    ).toBe("needs approval: this customer approves lot repairs manually");
  });
});
