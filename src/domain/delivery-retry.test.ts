import { describe, expect, it } from "vitest";
import { DELIVERY_RETRY, nextAttemptDelayMs } from "./delivery-retry";

describe("delivery retries", () => {
  it("double the wait after each failed try, up to the cap", () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => nextAttemptDelayMs(attempt, 0, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it("take off at most a fifth for jitter", () => {
    expect(nextAttemptDelayMs(1, 0.999_999)).toBe(Math.round(DELIVERY_RETRY.baseDelayMs * 0.8));
    expect(nextAttemptDelayMs(1, 0.5)).toBe(DELIVERY_RETRY.baseDelayMs * 0.9);
  });

  it("stop after the last try: the delivery is dead-lettered", () => {
    expect(nextAttemptDelayMs(DELIVERY_RETRY.maxAttempts - 1, 0)).not.toBeNull();
    expect(nextAttemptDelayMs(DELIVERY_RETRY.maxAttempts, 0)).toBeNull();
  });
});
