import { describe, expect, it } from "vitest";
import { describeDeviceDifference, deviceDifference } from "./device-difference";

const approvedAt50 = { estimateCents: 5000, autoApproved: true };
const waitingAt50 = { estimateCents: 5000, autoApproved: false };

describe("what the device and the server disagree on", () => {
  it("says nothing when price and decision agree", () => {
    expect(describeDeviceDifference(approvedAt50, { status: "APPROVED", estimateCents: 5000 })).toBeNull();
    expect(describeDeviceDifference(waitingAt50, { status: "PENDING_APPROVAL", estimateCents: 5000 })).toBeNull();
  });

  it("names the price alone, with its direction", () => {
    expect(describeDeviceDifference(waitingAt50, { status: "PENDING_APPROVAL", estimateCents: 6500 })).toBe(
      "Price differs: $15.00 more than the device estimate.",
    );
    expect(describeDeviceDifference(approvedAt50, { status: "APPROVED", estimateCents: 4000 })).toBe(
      "Price differs: $10.00 less than the device estimate.",
    );
  });

  it("names the decision alone when only the approval differs", () => {
    expect(describeDeviceDifference(approvedAt50, { status: "PENDING_APPROVAL", estimateCents: 5000 })).toBe(
      "Decision differs: approved on the device, waiting for approval on the server.",
    );
    expect(describeDeviceDifference(waitingAt50, { status: "APPROVED", estimateCents: 5000 })).toBe(
      "Decision differs: waiting for approval on the device, approved on the server.",
    );
  });

  it("names both when both differ", () => {
    expect(describeDeviceDifference(approvedAt50, { status: "PENDING_APPROVAL", estimateCents: 6500 })).toBe(
      "Price and decision differ: $15.00 more than the device estimate; approved on the device, waiting for approval on the server.",
    );
  });

  it("counts work that went past approval (completed on the spot) as approved", () => {
    expect(deviceDifference(approvedAt50, { status: "COMPLETED", estimateCents: 5000 })).toEqual({
      priceCents: 0,
      decision: false,
    });
  });

  it("does not invent a price difference when the server has no price", () => {
    expect(deviceDifference(waitingAt50, { status: "PENDING_APPROVAL", estimateCents: null }).priceCents).toBe(0);
  });
});
