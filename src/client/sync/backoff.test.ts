import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  it("starts at 5 s, doubles, and stays at 5 min", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(backoffDelayMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });
});
