// A round of work this instance repeats every few seconds (notification fan-out and delivery,
// webhooks). Instances share the rows through SKIP LOCKED and leases, so each runs its own timer.
// A round still running (a burst, a slow receiver) is not queued behind: the next starts after it.
import "server-only";
import { logger } from "../logging/logger";

export type RepeatingRound = { stop(): Promise<void> };

/** `round` gets `stopped` so that a long burst ends at the next batch after stop(). */
export function startRepeatingRound(
  name: string,
  intervalMs: number,
  round: (stopped: () => boolean) => Promise<void>,
): RepeatingRound {
  let stopped = false;
  let busy = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await round(() => stopped);
    } catch (error) {
      logger().error({ err: error }, `${name} failed; retrying on the next tick`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => {
    if (busy || stopped) return;
    busy = true;
    running = tick();
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
