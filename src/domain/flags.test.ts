import { describe, expect, it } from "vitest";
import { FlagRefused, assertFlagResolvable, flagIsOpen, flagSettledBy } from "./flags";

const flagged = { flaggedReason: "the device estimated $50.00, the server priced $40.00", flagResolvedAt: null };

describe("settling a sync flag", () => {
  it("is open while it has a reason and nobody settled it", () => {
    expect(flagIsOpen(flagged)).toBe(true);
    expect(flagIsOpen({ ...flagged, flagResolvedAt: new Date() })).toBe(false);
    expect(flagIsOpen({ flaggedReason: null, flagResolvedAt: null })).toBe(false);
  });

  it("needs a flag that is still open and a note", () => {
    expect(() => assertFlagResolvable(flagged, "kept the server's price, told the customer")).not.toThrow();
    expect(() => assertFlagResolvable(flagged, "  ")).toThrow(expect.objectContaining({ code: "NOTE_REQUIRED" }));
    expect(() => assertFlagResolvable({ ...flagged, flagResolvedAt: new Date() }, "x")).toThrow(
      expect.objectContaining({ code: "FLAG_ALREADY_RESOLVED" }),
    );
    expect(() => assertFlagResolvable({ flaggedReason: null, flagResolvedAt: null }, "x")).toThrow(FlagRefused);
  });
});

describe("a flag settled by the decision it was about", () => {
  const open = { flaggedReason: "the server priced $50.00, the device $40.00", flagResolvedAt: null };
  it("closes on approval, denial or cancellation, and stays for anything else", () => {
    expect(flagSettledBy(open, "approve")).toBe("Settled by the approval");
    expect(flagSettledBy(open, "deny")).toBe("Settled by the denial");
    expect(flagSettledBy(open, "cancel")).toBe("Settled by the cancellation");
    expect(flagSettledBy(open, "start")).toBeNull();
    expect(flagSettledBy(open, "complete")).toBeNull();
  });
  it("leaves a settled flag, or none, alone", () => {
    expect(flagSettledBy({ ...open, flagResolvedAt: new Date() }, "approve")).toBeNull();
    expect(flagSettledBy({ flaggedReason: null, flagResolvedAt: null }, "approve")).toBeNull();
  });
});
