// Every few seconds, this instance tells the events waiting in the outbox (fan-out-events.ts).
// Instances share the work safely (the events are claimed with SKIP LOCKED); an event committed
// while every instance was down is told when one starts again, since the outbox keeps it.
import "server-only";
import type { Db } from "../db";
import { fanOutEvents } from "../services/notifications/fan-out-events";
import { type RepeatingRound, startRepeatingRound } from "./repeating-round";

export function startNotificationFanOut(db: Db, options: { intervalMs?: number } = {}): RepeatingRound {
  // A burst (a synced walk, an invoicing run) is told in batches until none waits.
  return startRepeatingRound("notification fan-out", options.intervalMs ?? 3000, async (stopped) => {
    while (!stopped() && (await fanOutEvents(db)).events > 0);
  });
}
