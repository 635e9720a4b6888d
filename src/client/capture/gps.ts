// One GPS fix with its accuracy. Denial, no signal or a timeout are normal on a lot: the
// answer says why, and the capture goes on without a position.
import type { GpsFix } from "../store/capture-repair";

export type GpsResult =
  | { ok: true; fix: GpsFix }
  | { ok: false; reason: "denied" | "unavailable" | "timeout" | "unsupported"; message: string };

const MESSAGES: Record<Exclude<GpsResult, { ok: true }>["reason"], string> = {
  denied: "Location is turned off for this app; the repair is saved without a position.",
  unavailable: "No location signal here; the repair is saved without a position.",
  timeout: "Location took too long; the repair is saved without a position.",
  unsupported: "This device cannot give a location.",
};

export function currentPosition(options: { timeoutMs?: number; maxAgeMs?: number } = {}): Promise<GpsResult> {
  const fail = (reason: keyof typeof MESSAGES): GpsResult => ({ ok: false, reason, message: MESSAGES[reason] });
  if (typeof navigator === "undefined" || !navigator.geolocation) return Promise.resolve(fail("unsupported"));
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          ok: true,
          fix: {
            latitude: position.coords.latitude,
            longitude: position.coords.longitude,
            accuracyM: Math.round(position.coords.accuracy * 10) / 10,
          },
        }),
      (error) =>
        resolve(
          fail(
            error.code === error.PERMISSION_DENIED
              ? "denied"
              : error.code === error.TIMEOUT
                ? "timeout"
                : "unavailable",
          ),
        ),
      { enableHighAccuracy: true, timeout: options.timeoutMs ?? 15_000, maximumAge: options.maxAgeMs ?? 30_000 },
    );
  });
}
