// Every two seconds, this instance sends the deliveries that are due (deliver-notifications.ts),
// round after round while a burst lasts. Instances share the work: each delivery is taken by one
// (SKIP LOCKED and a lease); one taken by an instance that died is taken again when its lease ends.
import "server-only";
import type { Db } from "../db";
import { deliverDueNotifications } from "../services/notifications/deliver-notifications";
import { type RepeatingRound, startRepeatingRound } from "./repeating-round";

export function startNotificationDelivery(db: Db, options: { intervalMs?: number } = {}): RepeatingRound {
  return startRepeatingRound("notification delivery", options.intervalMs ?? 2000, async (stopped) => {
    while (!stopped() && (await deliverDueNotifications(db)).taken > 0);
  });
}
