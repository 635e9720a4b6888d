import { describe, expect, it } from "vitest";
import { photoPairProblem, photoPairsOf, unpairedDamagePhotos } from "./photo-pairs";

const damage = (id: string) => ({ id, stage: "DAMAGE" as const, pairedWithId: null });
const after = (id: string, of: string | null) => ({ id, stage: "AFTER" as const, pairedWithId: of });

describe("before/after photo pairs", () => {
  it("pairs each damage photo with the after photo that names it", () => {
    const photos = [damage("d1"), damage("d2"), after("a1", "d1"), after("a0", null)];
    expect(photoPairsOf(photos)).toEqual([
      { before: damage("d1"), after: after("a1", "d1") },
      { before: damage("d2"), after: null },
    ]);
    expect(unpairedDamagePhotos(photos).map((p) => p.id)).toEqual(["d2"]);
  });

  it("refuses a completion with an unpaired damage photo only when the business requires pairs", () => {
    const photos = [damage("d1"), damage("d2"), after("a1", "d1")];
    expect(photoPairProblem(photos, false)).toBeNull();
    expect(photoPairProblem(photos, true)).toMatch(/after photo of the damage photo/);
    expect(photoPairProblem([...photos, damage("d3")], true)).toMatch(/each of the 2 damage photos/);
    expect(photoPairProblem([...photos, after("a2", "d2")], true)).toBeNull();
    // A repair with no damage photo (a customer's request) has nothing to pair.
    expect(photoPairProblem([after("a1", null)], true)).toBeNull();
  });
});
