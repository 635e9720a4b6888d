import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawnForReview, mayReview, rubricProblem } from "./peer-review";

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

describe("peer review draw", () => {
  it("draws the same repairs for the same day, and other ones another day", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuid(i));
    const monday = ids.filter((id) => drawnForReview(id, "2026-12-07", 5));
    expect(ids.filter((id) => drawnForReview(id, "2026-12-07", 5))).toEqual(monday);
    const tuesday = ids.filter((id) => drawnForReview(id, "2026-12-08", 5));
    expect(tuesday).not.toEqual(monday);
  });

  it("respects the share within tolerance over many days and repairs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10_000 }), (percent, start) => {
        let drawn = 0;
        const total = 4000;
        for (let i = 0; i < total; i++) {
          const day = `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
          if (drawnForReview(uuid(start + i), day, percent)) drawn += 1;
        }
        const share = (drawn / total) * 100;
        // Binomial: 4 standard deviations around the expected share.
        const sd = Math.sqrt((percent * (100 - percent)) / total);
        return Math.abs(share - percent) <= 4 * sd + 0.1;
      }),
      { numRuns: 30 },
    );
  });

  it("draws nothing at 0% and everything at 100%, and refuses a share out of range", () => {
    expect(drawnForReview(uuid(1), "2026-12-07", 0)).toBe(false);
    expect(drawnForReview(uuid(1), "2026-12-07", 100)).toBe(true);
    expect(() => drawnForReview(uuid(1), "2026-12-07", 101)).toThrow(RangeError);
    expect(() => drawnForReview(uuid(1), "2026-12-07", Number.NaN)).toThrow(RangeError);
  });
});

describe("who reviews", () => {
  it("a manager reviews only their team's work, never their own; an admin anyone's; only managers review", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.option(fc.uuid()),
        fc.boolean(),
        fc.uniqueArray(fc.uuid(), { maxLength: 5 }),
        (self, other, isManager, team) => {
          const all = { technicianId: self, isManager, team: "all" as const };
          expect(mayReview(all, self)).toBe(false);
          expect(mayReview({ ...all, team }, self)).toBe(false);
          if (other !== self) {
            expect(mayReview(all, other)).toBe(isManager);
            expect(mayReview({ ...all, team }, other)).toBe(isManager && other !== null && team.includes(other));
          }
        },
      ),
    );
  });

  it("a rubric needs both scores from 1 to 5", () => {
    expect(rubricProblem({ photoQuality: 4, repairQuality: 5, notes: "" })).toBeNull();
    expect(rubricProblem({ photoQuality: 0, repairQuality: 5, notes: "" })).toBe("Rate the photo quality from 1 to 5.");
    expect(rubricProblem({ photoQuality: 3, repairQuality: 6, notes: "" })).toBe(
      "Rate the repair quality from 1 to 5.",
    );
    expect(rubricProblem({ photoQuality: 3.5, repairQuality: 3, notes: "" })).not.toBeNull();
  });
});
