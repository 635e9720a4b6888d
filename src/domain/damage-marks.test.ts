import { describe, expect, it } from "vitest";
import { MAX_DAMAGE_MARKS, arrowHead, markFromDrag, parseDamageMarks } from "./damage-marks";

describe("damage marks", () => {
  it("accepts circles and arrows in normalized coordinates, at most eight", () => {
    const marks = [
      { kind: "circle", cx: 0.5, cy: 0.4, r: 0.1 },
      { kind: "arrow", x1: 0, y1: 0, x2: 1, y2: 1 },
    ];
    expect(parseDamageMarks(marks)).toEqual(marks);
    expect(parseDamageMarks([])).toEqual([]);
    expect(parseDamageMarks(Array.from({ length: MAX_DAMAGE_MARKS + 1 }, () => marks[0]))).toBeNull();
  });

  it("refuses anything else, whole", () => {
    expect(parseDamageMarks([{ kind: "circle", cx: 1.2, cy: 0.4, r: 0.1 }])).toBeNull();
    expect(parseDamageMarks([{ kind: "circle", cx: 0.2, cy: 0.4, r: 0 }])).toBeNull();
    expect(parseDamageMarks([{ kind: "square", x: 0 }])).toBeNull();
    expect(parseDamageMarks([{ kind: "arrow", x1: Number.NaN, y1: 0, x2: 1, y2: 1 }])).toBeNull();
    expect(parseDamageMarks("circle")).toBeNull();
    expect(parseDamageMarks(null)).toBeNull();
  });

  it("turns a drag into a circle round its start or an arrow along it; a tap draws nothing", () => {
    expect(markFromDrag("circle", { x: 0.5, y: 0.5 }, { x: 0.8, y: 0.5 }, 0.75)).toEqual({
      kind: "circle",
      cx: 0.5,
      cy: 0.5,
      r: expect.closeTo(0.3, 6),
    });
    expect(markFromDrag("arrow", { x: 0.1, y: 0.1 }, { x: 1.4, y: 0.5 }, 1)).toEqual({
      kind: "arrow",
      x1: 0.1,
      y1: 0.1,
      x2: 1,
      y2: 0.5,
    });
    expect(markFromDrag("circle", { x: 0.5, y: 0.5 }, { x: 0.502, y: 0.5 }, 1)).toBeNull();
  });

  it("draws an arrow's head back from its tip", () => {
    const [a, b] = arrowHead({ kind: "arrow", x1: 0, y1: 0.5, x2: 1, y2: 0.5 }, 400, 300);
    expect(a.x).toBeLessThan(400);
    expect(b.x).toBeLessThan(400);
    expect(a.y).not.toBe(b.y);
  });
});
