// Surveys from completion events (one per event, once through its link, tampered links refused,
// ratings 0 and 6 refused, the technician's rating written), the peer-review draw and rubric (never
// one's own work), and training flags raised with evidence and cleared when the figures recover.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { QUALITY_SETTINGS_DEFAULT } from "~/domain/quality-settings";
import { surveyToken } from "~/server/data/quality/survey-token";
import { updateCustomerContact } from "~/server/services/customers/update-customer-contact";
import { drawPeerReviews, listPeerReviews, submitPeerReview } from "~/server/services/quality/peer-reviews";
import { updateQualitySettings } from "~/server/services/quality/quality-settings";
import { answerSurvey, createSurveys, remindSurveys, surveyForToken } from "~/server/services/quality/surveys";
import { checkTrainingFlags } from "~/server/services/quality/training-flags";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { loadRenderFacts, renderDelivery } from "~/server/data/notifications/render-delivery";
import { contextFor } from "../../support/fixtures";
import { finish, requested } from "../../support/repair-flows";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { useWorld } from "../../support/use-world";

describe("surveys, peer reviews and training flags", () => {
  const world = useWorld();

  async function onCallDone(unitNumber: string) {
    const repair = await requested(world.db, world, unitNumber);
    await assignRepair(world.db, contextFor(world.maya), {
      repairId: repair.id,
      technicianId: world.tina.technicianId,
    });
    return finish(world.db, world.tina, repair.id);
  }

  it("creates one survey per completed on-call repair, answered once, and rates the technician", async () => {
    await updateCustomerContact(world.db, contextFor(world.admin), {
      customerId: world.acme.id,
      contactEmail: "fleet@acme.example",
    });
    const repair = await onCallDone("S-1");
    expect((await createSurveys(world.db)).created).toBe(1);
    expect((await createSurveys(world.db)).created).toBe(0);
    const survey = await world.db.survey.findFirstOrThrow({ where: { repairId: repair.id } });
    expect(survey).toMatchObject({ email: "fleet@acme.example", technicianId: world.tina.technicianId });
    expect(survey.sentAt).not.toBeNull();
    const token = surveyToken(survey.id);
    // The invitation goes through the notification deliveries to Acme's users, with the signed link.
    while ((await fanOutEvents(world.db)).events > 0);
    const delivery = await world.db.notificationDelivery.findFirstOrThrow({
      where: { userId: world.carla.userId, channel: "EMAIL", eventType: "SURVEY_INVITATION" },
      include: { user: { select: { id: true, name: true, email: true, phone: true } } },
    });
    const message = renderDelivery(await loadRenderFacts(world.db, [delivery]), delivery);
    expect(message.url.endsWith(`/survey/${token}`)).toBe(true);
    expect(message.text).toContain(message.url);
    const inApp = await world.db.notification.findFirstOrThrow({
      where: { userId: world.carla.userId, type: "SURVEY_INVITATION" },
    });
    expect(inApp.url).toBe(`/survey/${token}`);
    expect(await surveyForToken(world.db, token)).toMatchObject({ state: "open", technicianName: "Tina" });
    // Alter the signature's last character to one it certainly is not (a fixed "A" matched 1 in 64).
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    await expect(surveyForToken(world.db, altered)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      answerSurvey(world.db, `${randomUUID()}.${token.split(".")[1]}`, { stars: 5, comment: "" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const stars of [0, 6, 2.5, "5"])
      await expect(answerSurvey(world.db, token, { stars, comment: "" })).rejects.toMatchObject({
        code: "INVALID_SURVEY",
      });
    await answerSurvey(world.db, token, { stars: 4, comment: " Quick and tidy " });
    await expect(answerSurvey(world.db, token, { stars: 1, comment: "" })).rejects.toMatchObject({
      code: "SURVEY_ANSWERED",
    });
    const tina = await world.db.technician.findUniqueOrThrow({ where: { id: world.tina.technicianId } });
    expect(Number(tina.customerRating)).toBe(4);
    expect(await world.db.survey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({
      stars: 4,
      comment: "Quick and tidy",
    });
  });

  it("reminds once, after three days, only the unanswered", async () => {
    await onCallDone("S-2");
    await createSurveys(world.db);
    const later = new Date(Date.now() + 4 * 24 * 60 * 60 * 1000);
    expect((await remindSurveys(world.db, later)).reminded).toBe(1);
    expect((await remindSurveys(world.db, later)).reminded).toBe(0);
    expect(await world.db.domainEvent.count({ where: { type: "SURVEY_REMINDER" } })).toBe(1);
  });

  it("draws every completed repair at 100%, and a manager reviews their team's work, never their own", async () => {
    await updateQualitySettings(world.db, contextFor(world.admin), {
      ...QUALITY_SETTINGS_DEFAULT,
      peerReviewPercent: 100,
    });
    const own = await onCallDone("R-1");
    await world.db.repair.update({ where: { id: own.id }, data: { technicianId: world.maya.technicianId } });
    // Theo is not on Maya's team: his work is in the admin's queue, not hers.
    const theirs = await onCallDone("R-2");
    await world.db.repair.update({ where: { id: theirs.id }, data: { technicianId: world.theo.technicianId } });
    await onCallDone("R-3");
    await world.db.peerReview.deleteMany({});
    const { drawn } = await drawPeerReviews(world.db);
    expect(drawn).toBeGreaterThanOrEqual(3);
    expect((await drawPeerReviews(world.db)).drawn).toBe(0);
    const queue = await listPeerReviews(world.db, contextFor(world.maya));
    expect(queue.map((r) => r.repairId)).not.toContain(own.id);
    expect(queue.map((r) => r.repairId)).not.toContain(theirs.id);
    expect(queue.length).toBeGreaterThan(0);
    const adminQueue = await listPeerReviews(world.db, contextFor(world.admin));
    expect(adminQueue.map((r) => r.repairId)).toEqual(expect.arrayContaining([own.id, theirs.id]));
    const other = await world.db.peerReview.findUniqueOrThrow({ where: { repairId: theirs.id } });
    await expect(
      submitPeerReview(world.db, contextFor(world.maya), {
        id: other.id,
        photoQuality: 4,
        repairQuality: 4,
        notes: "",
      }),
    ).rejects.toMatchObject({
      code: "REVIEW_NOT_ALLOWED",
      message: "A manager reviews only the work of their own team.",
    });
    const mine = await world.db.peerReview.findUniqueOrThrow({ where: { repairId: own.id } });
    await expect(
      submitPeerReview(world.db, contextFor(world.maya), { id: mine.id, photoQuality: 4, repairQuality: 4, notes: "" }),
    ).rejects.toMatchObject({ code: "REVIEW_NOT_ALLOWED" });
    await expect(
      submitPeerReview(world.db, contextFor(world.maya), {
        id: queue[0]!.id,
        photoQuality: 0,
        repairQuality: 4,
        notes: "",
      }),
    ).rejects.toMatchObject({ code: "INVALID_REVIEW" });
    await submitPeerReview(world.db, contextFor(world.maya), {
      id: queue[0]!.id,
      photoQuality: 5,
      repairQuality: 4,
      notes: "Clean",
    });
    expect((await listPeerReviews(world.db, contextFor(world.maya))).map((r) => r.id)).not.toContain(queue[0]!.id);
  });

  it("flags a technician below the review threshold with the repairs behind it, tells them and their manager, and clears it on recovery", async () => {
    await updateQualitySettings(world.db, contextFor(world.admin), {
      ...QUALITY_SETTINGS_DEFAULT,
      training: { ...QUALITY_SETTINGS_DEFAULT.training, minSample: 1, minReviewAverage: 4.8 },
    });
    await checkTrainingFlags(world.db);
    const flag = await world.db.trainingFlag.findFirstOrThrow({
      where: { technicianId: world.tina.technicianId, clearedAt: null },
    });
    const reasons = flag.reasons as Array<{ figure: string; evidence: string[] }>;
    expect(reasons.find((r) => r.figure === "reviews")?.evidence.length).toBeGreaterThan(0);
    // Told to Tina and her manager Maya, not to the rest of the office; Maya by email too.
    const toldOf = async (type: string) => {
      while ((await fanOutEvents(world.db)).events > 0);
      const rows = await world.db.notification.findMany({ where: { type }, select: { userId: true } });
      return rows.map((r) => r.userId).sort();
    };
    const tinaAndMaya = [world.tina.userId, world.maya.userId].sort();
    expect(await toldOf("TRAINING_FLAG_RAISED")).toEqual(tinaAndMaya);
    expect(
      await world.db.notificationDelivery.count({
        where: { userId: world.maya.userId, channel: "EMAIL", eventType: "TRAINING_FLAG_RAISED" },
      }),
    ).toBe(1);
    await checkTrainingFlags(world.db);
    expect(await toldOf("TRAINING_FLAG_RAISED")).toEqual(tinaAndMaya);
    await updateQualitySettings(world.db, contextFor(world.admin), QUALITY_SETTINGS_DEFAULT);
    await checkTrainingFlags(world.db);
    expect(await world.db.trainingFlag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({
      clearedAt: expect.any(Date),
    });
    expect(await toldOf("TRAINING_FLAG_CLEARED")).toEqual(tinaAndMaya);
  });
});
