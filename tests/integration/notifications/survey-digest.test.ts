// Two surveys told to one customer user in one email digest: each line links to its own survey
// (a digest line gathers events of one kind and customer, but a survey link is one survey's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surveyToken } from "~/server/data/quality/survey-token";
import { registerSender } from "~/server/notifications/channel-registry";
import { createEmailSender } from "~/server/notifications/email-sender";
import { updateCustomerContact } from "~/server/services/customers/update-customer-contact";
import { deliverDueNotifications } from "~/server/services/notifications/deliver-notifications";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { createSurveys } from "~/server/services/quality/surveys";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { contextFor } from "../../support/fixtures";
import { finish, requested } from "../../support/repair-flows";
import { startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";
import { useWorld } from "../../support/use-world";

describe("survey invitations in a digest", () => {
  const world = useWorld();
  let smtp: SmtpPeer;
  let sender: ReturnType<typeof createEmailSender>;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    sender = createEmailSender({ smtpUrl: smtp.url, from: "RS Systems <notifications@rs.test>" });
    registerSender(sender);
  });
  afterAll(async () => {
    sender.close();
    await smtp.close();
  });

  async function onCallDone(unitNumber: string) {
    const repair = await requested(world.db, world, unitNumber);
    await assignRepair(world.db, contextFor(world.maya), {
      repairId: repair.id,
      technicianId: world.tina.technicianId,
    });
    return finish(world.db, world.tina, repair.id);
  }

  it("gives each survey its own link", async () => {
    await updateCustomerContact(world.db, contextFor(world.admin), {
      customerId: world.acme.id,
      contactEmail: "fleet@acme.example",
    });
    await world.db.notificationSettings.create({ data: { userId: world.carla.userId, emailFrequency: "daily" } });
    const first = await onCallDone("SD-1");
    const second = await onCallDone("SD-2");
    expect((await createSurveys(world.db)).created).toBe(2);
    while ((await fanOutEvents(world.db)).events > 0);
    const later = () => new Date(Date.now() + 8 * 24 * 3_600_000);
    while ((await deliverDueNotifications(world.db, { now: later })).taken > 0);

    const carla = await world.db.user.findUniqueOrThrow({ where: { id: world.carla.userId } });
    const digests = smtp.mails.filter(
      (m) => JSON.stringify(m.to).includes(carla.email) && String(m.text).includes("/survey/"),
    );
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest!.subject).toMatch(/^Your summary: /);
    for (const repair of [first, second]) {
      const survey = await world.db.survey.findFirstOrThrow({ where: { repairId: repair.id } });
      const link = `/survey/${surveyToken(survey.id)}`;
      expect(digest!.text).toContain(link);
      expect(String(digest!.html)).toContain(link);
    }
  });
});
