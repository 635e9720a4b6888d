// Email and SMS deliveries from the outbox, against a real SMTP server and a Twilio-shaped peer on
// loopback: one mail per walk, customer text escaped, retries with backoff then the dead letter,
// a bounce failing for good, kept messages without a provider, preferences and digests.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELIVERY_RETRY } from "~/domain/delivery-retry";
import { registerSender } from "~/server/notifications/channel-registry";
import { DELIVERY_HEADER, createEmailSender } from "~/server/notifications/email-sender";
import { twilioSmsSender } from "~/server/notifications/sms-sender";
import { deliverDueNotifications } from "~/server/services/notifications/deliver-notifications";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { recordEvents } from "~/server/data/events/record-event";
import { headerOf, startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";
import { startTwilioPeer } from "../../support/twilio-peer";
import { push, repairCapture, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

const FROM = "RS Systems <notifications@rs.test>";
const later = (ms: number) => () => new Date(Date.now() + ms);

describe("notification deliveries", () => {
  const world = useWorld();
  let smtp: SmtpPeer;
  let twilio: Awaited<ReturnType<typeof startTwilioPeer>>;
  let carlaEmail: string;
  const senders: Array<{ close(): void }> = [];
  const useSmtp = (timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number }) => {
    const sender = createEmailSender({ smtpUrl: smtp.url, from: FROM, timeouts });
    senders.push(sender);
    registerSender(sender);
  };
  const drain = async () => {
    while ((await fanOutEvents(world.db)).events > 0);
  };
  /** Every due delivery sent, as if the gather window had passed. */
  const deliver = async (ms = 60_000) => {
    let total = 0;
    for (let r; (r = await deliverDueNotifications(world.db, { now: later(ms) })).taken > 0;) total += r.taken;
    return total;
  };
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(address));

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    twilio = await startTwilioPeer();
    registerSender(twilioSmsSender(twilio.smsUrl, "+15550000000"));
    carlaEmail = (await world.db.user.findUniqueOrThrow({ where: { id: world.carla.userId } })).email;
  });
  afterAll(async () => {
    for (const sender of senders) sender.close();
    await smtp.close();
    await twilio.close();
  });
  beforeEach(async () => {
    useSmtp();
    smtp.mode = "accept";
    smtp.bouncing.clear();
    await world.db.customer.update({ where: { id: world.acme.id }, data: { autoApproveLotRepairs: false } });
    await drain();
    await world.db.notificationDelivery.deleteMany();
    await world.db.notificationPreference.deleteMany();
    await world.db.notificationSettings.deleteMany();
    smtp.mails.length = 0;
    twilio.messages.length = 0;
  });

  const captureWalk = async (units: string[][]) => {
    const walkId = randomUUID();
    const walk = { id: walkId, customerId: world.acme.id };
    await push(world.db, world.tina, [walkStart(world.acme.id, walkId)]);
    // The device syncs the walk in several batches; the fan-out runs between them.
    for (const batch of units) {
      await push(
        world.db,
        world.tina,
        batch.map((unitNumber) => repairCapture(walk, { unitNumber })),
      );
      await drain();
    }
    return walkId;
  };

  it("a walk's repairs needing approval make one mail for the customer, listing every unit, linking to the portal", async () => {
    await captureWalk([["W-1", "W-2"], ["W-3"]]);
    expect(await deliver()).toBeGreaterThan(0);
    const mails = mailsTo(carlaEmail);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe("Acme Rentals: A repair needs approval (3 units)");
    for (const unit of ["W-1", "W-2", "W-3"]) expect(mail!.text).toContain(`unit ${unit}`);
    expect(mail!.text).toMatch(/http:\/\/localhost:\d+\/portal\?repair=[0-9a-f-]{36}#repair-/);
    expect(headerOf(mail!, DELIVERY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(headerOf(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The office is told in the bell, not mailed, by default; the technician who captured them not at all.
    expect(smtp.mails).toHaveLength(1);
    const row = await world.db.notificationDelivery.findFirstOrThrow({ where: { userId: world.carla.userId } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, channel: "EMAIL", subject: mail!.subject });
    expect(row.eventIds).toHaveLength(3);
  });

  it("escapes the customer's text in the HTML", async () => {
    await world.db.customer.update({ where: { id: world.acme.id }, data: { name: "Acme <script>x()</script> & Co" } });
    try {
      await captureWalk([["E-1"]]);
      await deliver();
      const [mail] = mailsTo(carlaEmail);
      expect(mail!.html).toContain("Acme &lt;script&gt;x()&lt;/script&gt; &amp; Co");
      expect(mail!.html).not.toContain("<script>");
    } finally {
      await world.db.customer.update({ where: { id: world.acme.id }, data: { name: "Acme Rentals" } });
    }
  });

  it("a refusing server is retried with backoff, then dead-lettered after the last try", async () => {
    smtp.mode = "refuse";
    await captureWalk([["R-1"]]);
    let ahead = 60_000;
    for (let attempt = 1; attempt <= DELIVERY_RETRY.maxAttempts; attempt++) {
      expect(await deliverDueNotifications(world.db, { now: later(ahead) })).toMatchObject({ taken: 1 });
      const row = await world.db.notificationDelivery.findFirstOrThrow({ where: { userId: world.carla.userId } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/refused/i);
      if (attempt < DELIVERY_RETRY.maxAttempts) {
        expect(row.status).toBe("PENDING");
        // Not before its backoff has passed.
        expect(await deliverDueNotifications(world.db, { now: later(ahead) })).toMatchObject({ taken: 0 });
        ahead = row.nextAttemptAt.getTime() - Date.now() + 1000;
      } else {
        expect(row.status).toBe("FAILED");
      }
    }
    expect(smtp.mails).toHaveLength(0);
  });

  it("a hanging server fails the try on its timeout and is retried; a bouncing address fails for good", async () => {
    useSmtp({ connectionMs: 500, greetingMs: 500, socketMs: 500 });
    smtp.mode = "hang";
    await captureWalk([["H-1"]]);
    await deliverDueNotifications(world.db, { now: later(60_000) });
    const hung = await world.db.notificationDelivery.findFirstOrThrow({ where: { userId: world.carla.userId } });
    expect(hung).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(hung.lastError).toBeTruthy();

    smtp.mode = "accept";
    useSmtp();
    await world.db.notificationDelivery.deleteMany();
    smtp.bouncing.add(carlaEmail.toLowerCase());
    await captureWalk([["B-1"]]);
    await deliver();
    const bounced = await world.db.notificationDelivery.findFirstOrThrow({ where: { userId: world.carla.userId } });
    expect(bounced).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(bounced.lastError).toMatch(/550|no such user/i);
  });

  it("without a mail server the message is kept, rendered, for the outbox", async () => {
    registerSender(createEmailSender({ smtpUrl: undefined, from: FROM }));
    await captureWalk([["K-1"]]);
    await deliver();
    const row = await world.db.notificationDelivery.findFirstOrThrow({ where: { userId: world.carla.userId } });
    expect(row).toMatchObject({ status: "KEPT", sentAt: null });
    expect(row.body).toContain("unit K-1");
    expect(smtp.mails).toHaveLength(0);
  });

  it("SMS when switched on: sent to the phone through the provider, kept without a phone", async () => {
    await world.db.notificationPreference.create({
      data: { userId: world.carla.userId, eventType: "APPROVAL_REQUIRED", channel: "SMS", enabled: true },
    });
    await world.db.user.update({ where: { id: world.carla.userId }, data: { phone: "+15551230000" } });
    await captureWalk([["S-1", "S-2"]]);
    await deliver();
    expect(twilio.messages).toHaveLength(1);
    expect(twilio.messages[0]).toMatchObject({ to: "+15551230000" });
    expect(twilio.messages[0]!.body).toMatch(/^2 repairs need your approval http/);
    expect(twilio.messages[0]!.body.length).toBeLessThanOrEqual(160);

    await world.db.user.update({ where: { id: world.carla.userId }, data: { phone: null } });
    await captureWalk([["S-3"]]);
    await deliver();
    expect(twilio.messages).toHaveLength(1);
    const kept = await world.db.notificationDelivery.findFirstOrThrow({
      where: { userId: world.carla.userId, channel: "SMS", status: "KEPT" },
    });
    expect(kept.lastError).toBe("no phone number");
  });

  it("an event switched off is not mailed; a daily digest gathers the day into one mail at the day's end", async () => {
    await world.db.notificationPreference.create({
      data: { userId: world.carla.userId, eventType: "APPROVAL_REQUIRED", channel: "EMAIL", enabled: false },
    });
    await captureWalk([["P-1"]]);
    await deliver();
    expect(mailsTo(carlaEmail)).toHaveLength(0);
    await world.db.notificationPreference.deleteMany();

    await world.db.notificationSettings.create({ data: { userId: world.carla.userId, emailFrequency: "daily" } });
    await captureWalk([["D-1"]]);
    await captureWalk([["D-2", "D-3"]]);
    await recordEventsNow("REPAIR_COMPLETED");
    await drain();
    // Nothing before the day ends (the business's midnight)...
    await deliver(60_000);
    expect(mailsTo(carlaEmail)).toHaveLength(0);
    // ...then one mail for the day.
    await deliver(8 * 24 * 3_600_000);
    const mails = mailsTo(carlaEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Your summary: 4 updates (today|this week)$/);
    expect(mails[0]!.text).toContain("A repair needs approval (Acme Rentals) x3");
    expect(mails[0]!.text).toContain("A repair is completed (Acme Rentals)");
  });

  async function recordEventsNow(type: "REPAIR_COMPLETED") {
    await world.db.$transaction((tx) =>
      recordEvents(tx, [{ type, customerId: world.acme.id, repairId: randomUUID(), actorUserId: null }]),
    );
  }
});
