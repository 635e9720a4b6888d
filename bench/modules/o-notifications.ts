// Figures o and o2: notifications. (o) 10,000 events committed at once, then told and mailed by
// this process's fan-out and delivery worker (as one app instance runs them) to a local SMTP
// server (smtp-server): seconds from the commit to the last mail accepted, with none twice
// (X-RS-Delivery). (o2) what writing a change's outbox rows adds to its transaction: median over
// 50 of one repair's status change with its event minus the same change without, ms (a 50-repair
// sync batch's 100 events in details).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { recordEvents } from "../../src/server/data/events/record-event";
import { registerSender } from "../../src/server/notifications/channel-registry";
import { DELIVERY_HEADER, createEmailSender } from "../../src/server/notifications/email-sender";
import { deliverDueNotifications } from "../../src/server/services/notifications/deliver-notifications";
import { fanOutEvents } from "../../src/server/services/notifications/fan-out-events";
import { createAdmin, createCustomer, createCustomerUser, createUnit } from "../../tests/support/fixtures";
import { headerOf, startSmtpPeer } from "../../tests/support/smtp-peer";
import { startTestDatabase } from "../../tests/support/test-database";
import type { BenchFigure, BenchModule } from "../types";

const EVENTS = 10_000;
const DELIVERY_TARGET_S = 300;
const OUTBOX_TARGET_MS = 5;

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function deliveryFigure(): Promise<BenchFigure> {
  const database = await startTestDatabase();
  const smtp = await startSmtpPeer();
  const sender = createEmailSender({ smtpUrl: smtp.url, from: "RS <n@rs.test>", maxConnections: 5 });
  registerSender(sender);
  try {
    const { db } = database;
    const customer = await createCustomer(db, "Bench fleet");
    await createCustomerUser(db, customer.id, "Bench");
    await db.$transaction(
      (tx) =>
        recordEvents(
          tx,
          Array.from({ length: EVENTS }, () => ({
            type: "REPAIR_COMPLETED" as const,
            customerId: customer.id,
            repairId: randomUUID(),
            actorUserId: null,
          })),
        ),
      { timeout: 300_000 },
    );
    const committed = performance.now();
    while ((await fanOutEvents(db)).events > 0);
    const toldS = (performance.now() - committed) / 1000;
    // As the worker would once the gather window has passed.
    const later = () => new Date(Date.now() + 3_600_000);
    while ((await deliverDueNotifications(db, { now: later, concurrency: 5 })).taken > 0);
    const seconds = (performance.now() - committed) / 1000;
    const ids = new Set(smtp.mails.map((m) => headerOf(m, DELIVERY_HEADER)));
    const complete = smtp.mails.length === EVENTS && ids.size === EVENTS;
    return {
      id: "o",
      label: `${EVENTS} events from commit to accepted by a local SMTP server (one instance, none twice)`,
      value: round(seconds, 1),
      unit: "s",
      target: `<= ${DELIVERY_TARGET_S} s`,
      pass: complete && seconds <= DELIVERY_TARGET_S,
      details: {
        mails: smtp.mails.length,
        distinctDeliveryIds: ids.size,
        fanOutS: round(toldS, 1),
        database: database.kind,
      },
    };
  } finally {
    sender.close();
    await smtp.close();
    await database.stop();
  }
}

async function outboxFigure(): Promise<BenchFigure> {
  const database = await startTestDatabase();
  try {
    const { db } = database;
    const customer = await createCustomer(db, "Bench fleet");
    const unit = await createUnit(db, customer.id, "O-1");
    const admin = await createAdmin(db, "Bench");
    const repair = await db.repair.create({
      data: {
        id: randomUUID(),
        customerId: customer.id,
        unitId: unit.id,
        windshieldSeq: 1,
        origin: "STAFF",
        status: "APPROVED",
        damageType: "CHIP",
        createdById: admin.userId,
      },
    });
    const change = (withEvents: number) =>
      db.$transaction(async (tx) => {
        await tx.repair.update({ where: { id: repair.id }, data: { technicianNotes: randomUUID() } });
        if (withEvents > 0)
          await recordEvents(
            tx,
            Array.from({ length: withEvents }, () => ({
              type: "APPROVAL_REQUIRED" as const,
              customerId: customer.id,
              repairId: repair.id,
              actorUserId: null,
            })),
          );
      });
    const timed = async (events: number) => {
      const samples: number[] = [];
      for (let i = 0; i < 55; i++) {
        const began = performance.now();
        await change(events);
        if (i >= 5) samples.push(performance.now() - began);
      }
      return median(samples);
    };
    const without = await timed(0);
    const one = await timed(1);
    const batch = await timed(100);
    const grows = Math.max(0, one - without);
    return {
      id: "o2",
      label: "a change's transaction grows by writing its outbox row (median of 50)",
      value: round(grows),
      unit: "ms",
      target: `<= ${OUTBOX_TARGET_MS} ms`,
      pass: grows <= OUTBOX_TARGET_MS,
      details: {
        withoutMs: round(without),
        withOneEventMs: round(one),
        with100EventsMs: round(batch),
        database: database.kind,
      },
    };
  } finally {
    await database.stop();
  }
}

const notifications: BenchModule = {
  name: "notifications: 10,000 events to SMTP; outbox cost in a change's transaction",
  async run() {
    return [await outboxFigure(), await deliveryFigure()];
  },
};

export default notifications;
