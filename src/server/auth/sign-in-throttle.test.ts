import { describe, expect, it } from "vitest";
import { SignInThrottle, throttleKeys } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("lets the first attempts through, then doubles the wait on each failure", () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    const keys = throttleKeys("Tech@Demo.test ", "10.0.0.1");
    for (let i = 0; i < 3; i++) throttle.recordFailure(keys);
    expect(throttle.waitFor(keys)).toBe(0);
    throttle.recordFailure(keys);
    expect(throttle.waitFor(keys)).toBe(15_000);
    throttle.recordFailure(keys);
    expect(throttle.waitFor(keys)).toBe(30_000);
    now += 30_000;
    expect(throttle.waitFor(keys)).toBe(0);
  });

  it("counts per email regardless of case, and per IP across emails with a larger allowance", () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < 19; i++) throttle.recordFailure(throttleKeys(`user${i}@x.test`, "10.0.0.9"));
    expect(throttle.waitFor(throttleKeys("someone@else.test", "10.0.0.9"))).toBe(0);
    throttle.recordFailure(throttleKeys("user99@x.test", "10.0.0.9"));
    expect(throttle.waitFor(throttleKeys("someone@else.test", "10.0.0.9"))).toBeGreaterThan(0);
    expect(throttle.waitFor(throttleKeys("someone@else.test", "10.0.0.8"))).toBe(0);
    expect(throttleKeys("A@B.test", null).map((k) => k.key)).toEqual(["email:a@b.test"]);
  });

  it("forgets failures after a successful sign-in", () => {
    const throttle = new SignInThrottle(() => 0);
    const keys = throttleKeys("a@b.test", "1.1.1.1");
    for (let i = 0; i < 6; i++) throttle.recordFailure(keys);
    throttle.recordSuccess(keys);
    expect(throttle.waitFor(keys)).toBe(0);
  });
});
