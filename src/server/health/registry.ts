// Health checks by name, each asked with a time limit. The answer says only whether each part
// works and how long it took to say so: no versions, paths, host names or error messages.
import "server-only";

/** Resolves when the part works; throws (or takes too long) when it does not. */
export type HealthCheck = () => Promise<void>;

export type CheckResult = { ok: boolean; ms?: number; configured?: false; timedOut?: true };
export type HealthStatus = "ok" | "degraded" | "down";
export type HealthReport = { status: HealthStatus; checks: Record<string, CheckResult> };

/**
 * A part that is not built yet: reported ok and `configured: false`, so the report keeps one
 * shape and a monitor sees the part appear when its check is registered.
 */
export const NOT_CONFIGURED = "not configured" as const;

export type HealthChecks = Record<string, HealthCheck | typeof NOT_CONFIGURED>;

export const CHECK_TIMEOUT_MS = 2_000;

async function runOne(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    const outcome = await Promise.race([check().then(() => "ok" as const), timedOut]);
    const ms = Math.round(performance.now() - started);
    return outcome === "ok" ? { ok: true, ms } : { ok: false, ms, timedOut: true };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every check at once. "down" when a part named in `essential` fails (nothing works
 * without it), "degraded" when another one does, "ok" when all do.
 */
export async function runHealthChecks(
  checks: HealthChecks,
  essential: readonly string[],
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => [
      name,
      check === NOT_CONFIGURED ? { ok: true, configured: false } : await runOne(check, timeoutMs),
    ]),
  );
  const results = Object.fromEntries(entries);
  const failed = entries.filter(([, r]) => !r.ok).map(([name]) => name);
  const status: HealthStatus =
    failed.length === 0 ? "ok" : failed.some((name) => essential.includes(name)) ? "down" : "degraded";
  return { status, checks: results };
}
