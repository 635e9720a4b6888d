import { describe, expect, it } from "vitest";
import { DEFAULT_ASSIGNMENT_WEIGHTS, readAssignmentWeights } from "./business-settings";

describe("readAssignmentWeights", () => {
  it("keeps stored weights and fills missing or invalid ones with the defaults", () => {
    expect(readAssignmentWeights({ workload: 0.5, distance: -1, expertise: "x", history: Number.NaN })).toEqual({
      ...DEFAULT_ASSIGNMENT_WEIGHTS,
      workload: 0.5,
    });
  });

  it("reads anything that is not an object as the defaults", () => {
    expect(readAssignmentWeights(null)).toEqual(DEFAULT_ASSIGNMENT_WEIGHTS);
    expect(readAssignmentWeights([1, 2])).toEqual(DEFAULT_ASSIGNMENT_WEIGHTS);
  });
});
