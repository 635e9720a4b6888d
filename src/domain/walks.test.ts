import { describe, expect, it } from "vitest";
import { WalkRefused, walkFinishStep } from "./walks";

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
