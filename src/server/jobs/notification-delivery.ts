// Every two seconds, this instance sends the deliveries that are due (deliver-notifications.ts),
// round after round while a burst lasts. Instances share the work: each delivery is taken by one
// (SKIP LOCKED and a lease); one taken by an instance that died is taken again when its lease ends.
import "server-only";
import type { Db } from "../db";
import { logger } from "../logging/logger";
import { deliverDueNotifications } from "../services/notifications/deliver-notifications";

export function startNotificationDelivery(db: Db, options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  const { intervalMs = 2000 } = options;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopped && (await deliverDueNotifications(db)).taken > 0);
    } catch (error) {
      logger().error({ err: error }, "notification delivery failed; retrying on the next tick");
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
