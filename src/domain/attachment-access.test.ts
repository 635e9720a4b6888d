import { describe, expect, it } from "vitest";
import { decideUpload } from "./attachment-access";
import type { Actor, TechnicianProfile } from "./actors";

const profile: TechnicianProfile = {
  id: "t1",
  isManager: true,
  approvalLimitCents: null,
  canAssignWork: true,
  canOverridePricing: true,
  managedTechnicianIds: ["t2"],
  isActive: true,
};
const creator: Actor = { userId: "u-t1", role: "TECHNICIAN", technician: profile };
const colleague: Actor = { userId: "u-t2", role: "TECHNICIAN", technician: { ...profile, id: "t2", isManager: false } };
const admin: Actor = { userId: "u-admin", role: "ADMIN" };
const customer: Actor = { userId: "u-c", role: "CUSTOMER", customerId: "A" };

describe("who may upload an attachment's bytes", () => {
  const attachment = { createdById: "u-t1" };

  it("its creator and an admin", () => {
    expect(decideUpload(creator, attachment)).toEqual({ allowed: true });
    expect(decideUpload(admin, attachment)).toEqual({ allowed: true });
    expect(decideUpload(customer, { createdById: "u-c" })).toEqual({ allowed: true });
  });

  it("nobody else, not even the creator's manager or the customer", () => {
    expect(decideUpload(colleague, attachment)).toMatchObject({ allowed: false, code: "NOT_YOURS" });
    expect(decideUpload(customer, attachment)).toMatchObject({ allowed: false, code: "NOT_YOURS" });
  });

  it("not a deactivated technician", () => {
    const inactive: Actor = { ...creator, technician: { ...profile, isActive: false } };
    expect(decideUpload(inactive, attachment)).toMatchObject({ allowed: false, code: "INACTIVE_TECHNICIAN" });
  });
});
