// How long to wait before the next automatic sync while something is still pending:
// 5 s, doubling, at most 5 min (docs/sync-protocol.md §4).
export const FIRST_RETRY_MS = 5_000;
export const LAST_RETRY_MS = 5 * 60_000;

/** `failures`: consecutive runs that left work behind (0 for the first retry). */
export function backoffDelayMs(failures: number): number {
  const n = Math.max(0, Math.floor(failures));
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(n, 30), LAST_RETRY_MS);
}
