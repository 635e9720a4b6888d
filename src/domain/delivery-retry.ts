// When a failed delivery is tried again: exponential backoff with a cap, then dead-letter (FAILED
// with the last error, retried only by an admin from the outbox). Jitter spreads the retries of a
// burst (10,000 mails refused by one server at once) so they do not all return in the same second.

export const DELIVERY_RETRY = {
  /** Tries in all, the first included. */
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
} as const;

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

/**
 * After the `attempt`-th try failed (1 = the first), when to try again, or null: that was the last
 * try. `random` in [0, 1) takes off up to a fifth of the delay.
 */
export function nextAttemptDelayMs(
  attempt: number,
  random: number = Math.random(),
  policy: RetryPolicy = DELIVERY_RETRY,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full * (1 - 0.2 * Math.min(Math.max(random, 0), 1)));
}
