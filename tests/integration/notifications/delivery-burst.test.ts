// 10,000 events at once: each queued once, delivered once, by two workers racing as two app
// instances would (each delivery taken by one: SKIP LOCKED and a lease), counted by the delivery
// id every mail carries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvents } from "~/server/data/events/record-event";
import { registerSender } from "~/server/notifications/channel-registry";
import { DELIVERY_HEADER, createEmailSender } from "~/server/notifications/email-sender";
import { deliverDueNotifications } from "~/server/services/notifications/deliver-notifications";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { headerOf, startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";
import { useWorld } from "../../support/use-world";

const EVENTS = 10_000;

describe("a burst of 10,000 events", () => {
  const world = useWorld();
  let smtp: SmtpPeer;
  let sender: ReturnType<typeof createEmailSender>;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    sender = createEmailSender({ smtpUrl: smtp.url, from: "RS <n@rs.test>", maxConnections: 5 });
    registerSender(sender);
  });
  afterAll(async () => {
    sender.close();
    await smtp.close();
  });

  it("is delivered in full, none twice", { timeout: 1_800_000 }, async () => {
    const repairIds = Array.from({ length: EVENTS }, () => randomUUID());
    await world.db.$transaction(
      (tx) =>
        recordEvents(
          tx,
          repairIds.map((repairId) => ({
            type: "REPAIR_COMPLETED",
            customerId: world.acme.id,
            repairId,
            actorUserId: null,
          })),
        ),
      // 10,000 rows in one statement: past the 5 s default on a loaded machine's embedded database.
      { timeout: 120_000 },
    );
    // Two fan-outs and two delivery workers at once, as two instances (on a server: the embedded
    // database has one connection, where a second transaction would only wait for the first).
    const instances = world.databaseKind === "postgresql" ? 2 : 1;
    const twice = (work: () => Promise<void>) => Promise.all(Array.from({ length: instances }, work));
    let started = performance.now();
    const fanOut = async () => {
      while ((await fanOutEvents(world.db)).events > 0);
    };
    await twice(fanOut);
    console.log(`fan-out of ${EVENTS} events: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    expect(await world.db.notificationDelivery.count()).toBe(EVENTS);
    const worker = async () => {
      while (
        (await deliverDueNotifications(world.db, { now: () => new Date(Date.now() + 60_000), concurrency: 5 })).taken >
        0
      );
    };
    await twice(worker);
    console.log(`delivery of ${EVENTS} mails: ${((performance.now() - started) / 1000).toFixed(1)} s`);

    expect(await world.db.notificationDelivery.groupBy({ by: ["status"], _count: true })).toEqual([
      { status: "SENT", _count: EVENTS },
    ]);
    const ids = smtp.mails.map((mail) => headerOf(mail, DELIVERY_HEADER));
    expect(ids).toHaveLength(EVENTS);
    expect(new Set(ids).size).toBe(EVENTS);
  });
});
