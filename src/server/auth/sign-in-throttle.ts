// Slows down repeated failed sign-ins per email and per IP: after a few free failures each
// further failure doubles the wait (from 15 seconds up to 15 minutes) before the next attempt
// is even checked. An IP gets more free failures than an email: a whole office may share one.
import "server-only";
const BASE_WAIT_MS = 15_000;
const MAX_WAIT_MS = 15 * 60_000;
const FORGET_AFTER_MS = 30 * 60_000;

/** The failure that reaches freeFailures starts the first wait. */
export type ThrottleKey = { key: string; freeFailures: number };
type Record = { failures: number; blockedUntil: number; lastFailureAt: number };

export class SignInThrottle {
  private records = new Map<string, Record>();
  constructor(private now: () => number = Date.now) {}

  /** Milliseconds to wait before another attempt for any of these keys is allowed (0 = go). */
  waitFor(keys: ThrottleKey[]): number {
    const now = this.now();
    let wait = 0;
    for (const { key } of keys) {
      const r = this.records.get(key);
      if (!r) continue;
      if (now - r.lastFailureAt > FORGET_AFTER_MS) this.records.delete(key);
      else wait = Math.max(wait, r.blockedUntil - now);
    }
    return Math.max(0, wait);
  }

  recordFailure(keys: ThrottleKey[]): void {
    const now = this.now();
    for (const { key, freeFailures } of keys) {
      const r = this.records.get(key) ?? { failures: 0, blockedUntil: 0, lastFailureAt: now };
      r.failures += 1;
      r.lastFailureAt = now;
      const over = r.failures - freeFailures;
      if (over >= 0) r.blockedUntil = now + Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** over);
      this.records.set(key, r);
    }
    if (this.records.size > 10_000) this.records.clear(); // bound memory under a spray attack
  }

  /** Clears the email's record only: one good sign-in must not unlock an attacking IP. */
  recordSuccess(keys: ThrottleKey[]): void {
    for (const { key } of keys) if (key.startsWith("email:")) this.records.delete(key);
  }
}

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, freeFailures: 4 },
    ...(ip ? [{ key: `ip:${ip}`, freeFailures: 20 }] : []),
  ];
}
