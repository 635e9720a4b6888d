// The channel half of the fan-out: for each person an event tells, one delivery per channel
// their preferences switch on, written in the fan-out's transaction (the events are marked told in
// it too, so an event is queued once or not at all). Events of one group (a walk's repairs) and
// of one digest period gather into one open delivery per person and channel.
import "server-only";
import { randomUUID } from "node:crypto";
import {
  type Audience,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  type Frequency,
  afterQuietHours,
  defaultEnabled,
  digestPeriod,
} from "~/domain";
import { config } from "../../config";
import type { DbTx } from "../../db";

export type Told = { userId: string; audience: Audience; event: { id: string; type: string; groupKey: string } };

type Row = {
  id: string;
  userId: string;
  channel: DeliveryChannel;
  groupKey: string;
  audience: Audience;
  eventType: string;
  eventIds: string[];
  frequency: Frequency;
  nextAttemptAt: string;
  updatedAt: string;
};

/** Queues the deliveries of these (person, event) pairs; returns how many rows were written or grown. */
export async function queueDeliveries(tx: DbTx, told: readonly Told[], now = new Date()): Promise<number> {
  if (told.length === 0) return 0;
  const userIds = [...new Set(told.map((t) => t.userId))];
  const prefs = await tx.notificationPreference.findMany({ where: { userId: { in: userIds } } });
  const settings = await tx.notificationSettings.findMany({ where: { userId: { in: userIds } } });
  const pushUsers = await tx.pushSubscription.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const choice = new Map(prefs.map((p) => [`${p.userId}|${p.eventType}|${p.channel}`, p.enabled]));
  const settingsOf = new Map(settings.map((s) => [s.userId, s]));
  const hasPush = new Set(pushUsers.map((p) => p.userId));
  const { BUSINESS_TIME_ZONE: timeZone, NOTIFICATION_GATHER_SECONDS: gather } = config();

  const rows = new Map<string, Row>();
  for (const { userId, audience, event } of told) {
    const mine = settingsOf.get(userId);
    for (const channel of DELIVERY_CHANNELS) {
      if (channel === "PUSH" && !hasPush.has(userId)) continue;
      const enabled = choice.get(`${userId}|${event.type}|${channel}`) ?? defaultEnabled(event.type, channel, audience);
      if (!enabled) continue;
      const frequency = (mine?.[FREQUENCY_COLUMN[channel]] ?? "instant") as Frequency;
      let groupKey = event.groupKey;
      let due = new Date(now.getTime() + gather * 1000);
      if (frequency !== "instant") {
        const period = digestPeriod(frequency, now, timeZone);
        groupKey = `digest:${period.key}`;
        due = period.endsAt;
      }
      if (channel !== "EMAIL") due = afterQuietHours(due, mine?.quietFrom ?? null, mine?.quietTo ?? null, timeZone);
      const key = `${userId}|${channel}|${groupKey}`;
      const row = rows.get(key);
      if (row) {
        row.eventIds.push(event.id);
        continue;
      }
      rows.set(key, {
        id: randomUUID(),
        userId,
        channel,
        groupKey,
        audience,
        eventType: event.type,
        eventIds: [event.id],
        frequency,
        nextAttemptAt: due.toISOString(),
        updatedAt: now.toISOString(),
      });
    }
  }
  if (rows.size === 0) return 0;
  // An open delivery of the same person, channel and group takes the new events; its due time stays.
  return tx.$executeRaw`
    INSERT INTO "NotificationDelivery" (id, "userId", channel, "groupKey", audience, "eventType", "eventIds", frequency, "nextAttemptAt", "updatedAt")
    SELECT id, "userId", channel, "groupKey", audience, "eventType", "eventIds", frequency, "nextAttemptAt", "updatedAt"
    FROM jsonb_populate_recordset(NULL::"NotificationDelivery", ${JSON.stringify([...rows.values()])}::jsonb)
    ON CONFLICT ("userId", channel, "groupKey", batch) DO UPDATE SET
      "eventIds" = "NotificationDelivery"."eventIds" || EXCLUDED."eventIds", "updatedAt" = EXCLUDED."updatedAt"`;
}

const FREQUENCY_COLUMN = { EMAIL: "emailFrequency", SMS: "smsFrequency", PUSH: "pushFrequency" } as const;
