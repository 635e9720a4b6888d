import { describe, expect, it } from "vitest";
import { WalkRefused, type WalkStatus, assertWalkTakesCapture, walkFinishStep } from "./walks";

describe("finishing a walk", () => {
  it("finishes a walk in progress and replays a completed one", () => {
    expect(walkFinishStep("IN_PROGRESS")).toBe("finish");
    expect(walkFinishStep("COMPLETED")).toBe("replay");
  });

  it("refuses a walk never started or cancelled, with a code", () => {
    expect(() => walkFinishStep("SCHEDULED")).toThrow(expect.objectContaining({ code: "WALK_NOT_STARTED" }));
    expect(() => walkFinishStep("CANCELLED")).toThrow(WalkRefused);
    expect(() => walkFinishStep("CANCELLED")).toThrow(expect.objectContaining({ code: "WALK_CANCELLED" }));
  });
});

describe("capturing a repair on a walk", () => {
  const walk = (status: WalkStatus, signedRepairIds: string[] = []) => ({ status, signedRepairIds });

  it("takes captures on a scheduled walk and on a walk in progress", () => {
    expect(() => assertWalkTakesCapture(walk("SCHEDULED"), "r1")).not.toThrow();
    expect(() => assertWalkTakesCapture(walk("IN_PROGRESS"), "r1")).not.toThrow();
  });

  it("refuses a finished walk and a cancelled one, each with its own code", () => {
    expect(() => assertWalkTakesCapture(walk("COMPLETED"), "r1")).toThrow(WalkRefused);
    expect(() => assertWalkTakesCapture(walk("COMPLETED", ["r2"]), "r1")).toThrow(
      expect.objectContaining({ code: "WALK_COMPLETED", message: expect.stringMatching(/finished/) }),
    );
    expect(() => assertWalkTakesCapture(walk("CANCELLED", ["r1"]), "r1")).toThrow(
      expect.objectContaining({ code: "WALK_CANCELLED", message: expect.stringMatching(/cancelled/) }),
    );
  });

  it("still takes, on a finished walk, a repair its signed summary lists (it arrives after the finish)", () => {
    expect(() => assertWalkTakesCapture(walk("COMPLETED", ["r0", "r1"]), "r1")).not.toThrow();
  });
});
