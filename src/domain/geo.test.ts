import { describe, expect, it } from "vitest";
import { latestFix } from "./geo";

describe("latestFix", () => {
  const now = new Date("2026-12-06T15:00:00Z");
  it("takes the newest valid fix, bounding a device clock that runs ahead", () => {
    expect(
      latestFix(
        [
          { latitude: 39.7, longitude: -104.9, at: new Date("2026-12-06T14:00:00Z") },
          { latitude: 39.8, longitude: -104.8, at: new Date("2026-12-06T16:00:00Z") },
          { latitude: 39.9, longitude: -104.7, at: new Date("2026-12-06T14:30:00Z") },
        ],
        now,
      ),
    ).toEqual({ latitude: 39.8, longitude: -104.8, at: now });
  });
  it("ignores fixes without a time or with a position off the Earth, and may find none", () => {
    expect(
      latestFix(
        [
          { latitude: 39.7, longitude: -104.9 },
          { latitude: 95, longitude: 0, at: now },
        ],
        now,
      ),
    ).toBe(null);
    expect(latestFix([{ latitude: null, longitude: null, at: now }], now)).toBe(null);
  });
});
