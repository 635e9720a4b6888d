import { describe, expect, it } from "vitest";
import { byName } from "./name-order";

describe("byName", () => {
  it("orders names alphabetically whatever their case", () => {
    const names = ["windshield crack", "Bullseye", "brake chip", "bullseye 2", "Star break", "Chip"];
    expect([...names].sort(byName)).toEqual([
      "brake chip",
      "Bullseye",
      "bullseye 2",
      "Chip",
      "Star break",
      "windshield crack",
    ]);
  });

  it("agrees with en-US localeCompare on plain business labels", () => {
    const names = ["Long crack", "chip", "Chip repair", "edge crack", "Edge", "star", "Star break", "A-1", "a 2"];
    const expected = [...names].sort(
      (a, b) => a.localeCompare(b, "en-US", { sensitivity: "base" }) || (a < b ? -1 : 1),
    );
    expect([...names].sort(byName)).toEqual(expected);
  });

  it("is a total order: equal names are 0, names differing only in case keep one order", () => {
    expect(byName("Chip", "Chip")).toBe(0);
    expect(byName("Chip", "chip")).toBeLessThan(0);
    expect(byName("chip", "Chip")).toBeGreaterThan(0);
  });
});
