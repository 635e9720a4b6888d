import { describe, expect, it } from "vitest";
import { captureWithdrawalRefusal } from "./capture-withdrawal";

describe("captureWithdrawalRefusal", () => {
  it("lets the last break of a job, not completed on the spot, be withdrawn", () => {
    expect(captureWithdrawalRefusal({ completedOnSpot: false, laterBreaksInJob: 0 })).toBeNull();
  });
  it("keeps a repair completed on the spot and a break with later breaks after it", () => {
    expect(captureWithdrawalRefusal({ completedOnSpot: true, laterBreaksInJob: 0 })).toMatch(/completed on the spot/);
    expect(captureWithdrawalRefusal({ completedOnSpot: false, laterBreaksInJob: 2 })).toMatch(/delete them first/);
  });
});
