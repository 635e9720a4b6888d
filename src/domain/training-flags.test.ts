import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRAINING_THRESHOLDS_DEFAULT as T, type TrainingFacts, trainingFlagReasons } from "./training-flags";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const facts = (changes: Partial<TrainingFacts> = {}): TrainingFacts => ({
  completedRepairIds: ids("r", 40),
  callbackRepairIds: [],
  surveys: ids("s", 12).map((id) => ({ id, stars: 5 })),
  reviews: ids("v", 12).map((id) => ({ id, score: 4 })),
  ...changes,
});

describe("training flags", () => {
  it("raises no flag on good work", () => {
    expect(trainingFlagReasons(facts(), T)).toEqual([]);
  });

  it("flags a high callback rate with the callbacks as evidence, and says it in words", () => {
    const [reason] = trainingFlagReasons(facts({ callbackRepairIds: ids("r", 4) }), T);
    expect(reason).toMatchObject({ figure: "callbacks", value: 10, limit: 8, evidence: ids("r", 4) });
    expect(reason!.sentence).toBe("4 of 40 repairs came back under warranty (10%, limit 8%).");
  });

  it("flags low survey and review averages, pointing at the low ones", () => {
    const surveys = [...ids("s", 6).map((id) => ({ id, stars: 2 })), ...ids("t", 6).map((id) => ({ id, stars: 4 }))];
    const reviews = ids("v", 10).map((id, i) => ({ id, score: i < 8 ? 3 : 5 }));
    const reasons = trainingFlagReasons(facts({ surveys, reviews }), T);
    expect(reasons.map((r) => r.figure)).toEqual(["surveys", "reviews"]);
    expect(reasons[0]!.evidence).toEqual(ids("s", 6));
    expect(reasons[1]).toMatchObject({ value: 3.4, evidence: ids("v", 8) });
  });

  it("does not judge on too little work: a first bad survey is not a trend", () => {
    expect(trainingFlagReasons(facts({ surveys: [{ id: "s", stars: 1 }] }), T)).toEqual([]);
    expect(trainingFlagReasons(facts({ completedRepairIds: ids("r", 3), callbackRepairIds: ["r0"] }), T)).toEqual([]);
  });

  it("more callbacks never clear a callback flag", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 200 }), fc.nat(200), fc.nat(50), (completed, callbacks, more) => {
        const base = facts({ completedRepairIds: ids("r", completed), callbackRepairIds: ids("c", callbacks) });
        const worse = { ...base, callbackRepairIds: ids("c", callbacks + more) };
        const flagged = (f: TrainingFacts) => trainingFlagReasons(f, T).some((r) => r.figure === "callbacks");
        return !flagged(base) || flagged(worse);
      }),
    );
  });
});
