// The admin outbox (states, filters, retrying a dead letter, audited) and mass notification (one
// message per customer of the chosen repairs, its users by their preferences, audited; a repair
// the sender may not see refuses the whole message).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerSender } from "~/server/notifications/channel-registry";
import { createEmailSender } from "~/server/notifications/email-sender";
import { deliverDueNotifications } from "~/server/services/notifications/deliver-notifications";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { callerFor, createCustomerUser, createUnit } from "../../support/fixtures";
import { startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";
import { useWorld } from "../../support/use-world";

describe("the outbox and mass notification", () => {
  const world = useWorld();
  let smtp: SmtpPeer;
  let sender: ReturnType<typeof createEmailSender>;
  const deliver = async () => {
    while ((await fanOutEvents(world.db)).events > 0);
    while ((await deliverDueNotifications(world.db, { now: () => new Date(Date.now() + 60_000) })).taken > 0);
  };
  const repairFor = async (customerId: string, unitNumber: string) => {
    const unit = await createUnit(world.db, customerId, unitNumber);
    return callerFor(world.db, world.admin).repair.request({ id: randomUUID(), unitId: unit.id, damageType: "CHIP" });
  };

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    sender = createEmailSender({ smtpUrl: smtp.url, from: "RS <n@rs.test>" });
    registerSender(sender);
  });
  afterAll(async () => {
    sender.close();
    await smtp.close();
  });

  it("sends one message per customer of the chosen repairs, listing only that customer's units", async () => {
    const acme1 = await repairFor(world.acme.id, "M-1");
    const acme2 = await repairFor(world.acme.id, "M-2");
    const globex1 = await repairFor(world.globex.id, "M-3");
    await deliver();
    smtp.mails.length = 0;
    const carla2 = await createCustomerUser(world.db, world.acme.id, "Cora");

    const answer = await callerFor(world.db, world.maya).notifications.sendToCustomers({
      repairIds: [acme1.id, acme2.id, globex1.id],
      message: "Hail tomorrow: <b>park inside</b>",
    });
    expect(answer).toMatchObject({ customers: 2, repairs: 3 });
    await deliver();

    const subjects = smtp.mails.map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(["Acme Rentals: a message about your repairs"]));
    expect(smtp.mails).toHaveLength(3); // Carla and Cora (Acme), Gus (Globex)
    const gus = smtp.mails.find((m) => m.subject?.startsWith("Globex"))!;
    expect(gus.text).toContain("Hail tomorrow: <b>park inside</b>");
    expect(gus.html).toContain("Hail tomorrow: &lt;b&gt;park inside&lt;/b&gt;");
    expect(gus.text).toContain("unit M-3");
    expect(gus.text).not.toContain("M-1");
    const inApp = await world.db.notification.findMany({ where: { userId: carla2.userId } });
    expect(inApp).toMatchObject([{ type: "OFFICE_MESSAGE", title: "A message from the office about your repairs" }]);
    const audit = await world.db.auditLog.findFirst({ where: { action: "notification.mass" } });
    expect(audit).toMatchObject({ entityId: answer.messageId });
  });

  it("refuses the whole message when a repair is not the sender's to see (nothing recorded)", async () => {
    const repair = await repairFor(world.acme.id, "M-9");
    await world.db.repair.update({ where: { id: repair.id }, data: { technicianId: world.theo.technicianId } });
    const before = await world.db.domainEvent.count({ where: { type: "OFFICE_MESSAGE" } });
    // Maya manages Tina, not Theo.
    await expect(
      callerFor(world.db, world.maya).notifications.sendToCustomers({ repairIds: [repair.id], message: "Hello" }),
    ).rejects.toThrow(/not found/);
    await expect(
      callerFor(world.db, world.maya).notifications.sendToCustomers({ repairIds: [repair.id], message: "   " }),
    ).rejects.toThrow(/Write the message/);
    expect(await world.db.domainEvent.count({ where: { type: "OFFICE_MESSAGE" } })).toBe(before);
  });

  it("lists deliveries by status and channel; a failed one is retried from the outbox, audited", async () => {
    smtp.bouncing.add((await world.db.user.findUniqueOrThrow({ where: { id: world.gus.userId } })).email.toLowerCase());
    const repair = await repairFor(world.globex.id, "F-1");
    await callerFor(world.db, world.admin).notifications.sendToCustomers({ repairIds: [repair.id], message: "Note" });
    await deliver();
    const admin = callerFor(world.db, world.admin).notifications;
    const failed = await admin.outbox({ status: "FAILED", channel: "EMAIL" });
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ status: "FAILED", user: { name: "Gus" } });
    expect(failed.items[0]!.lastError).toMatch(/550|No such user/i);
    expect(failed.counts.FAILED).toBe(1);
    expect((await admin.outbox({ status: "SENT" })).items.length).toBeGreaterThan(0);

    smtp.bouncing.clear();
    await admin.retry({ id: failed.items[0]!.id });
    await expect(admin.retry({ id: failed.items[0]!.id })).rejects.toThrow(/not found/);
    await deliver();
    const row = await world.db.notificationDelivery.findUniqueOrThrow({ where: { id: failed.items[0]!.id } });
    expect(row.status).toBe("SENT");
    expect(await world.db.auditLog.count({ where: { action: "notification.retry", entityId: row.id } })).toBe(1);
    await expect(callerFor(world.db, world.maya).notifications.outbox({})).rejects.toThrow();
  });
});
