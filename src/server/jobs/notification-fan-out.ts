// Every few seconds, this instance tells the events waiting in the outbox (fan-out-events.ts).
// Instances share the work safely (the events are claimed with SKIP LOCKED); an event committed
// while every instance was down is told when one starts again, since the outbox keeps it.
import "server-only";
import type { Db } from "../db";
import { logger } from "../logging/logger";
import { fanOutEvents } from "../services/notifications/fan-out-events";

export function startNotificationFanOut(db: Db, options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  const { intervalMs = 3000 } = options;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      // A burst (a synced walk, an invoicing run) is told in batches until none waits.
      while (!stopped && (await fanOutEvents(db)).events > 0);
    } catch (error) {
      logger().error({ err: error }, "notification fan-out failed; retrying on the next tick");
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
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
