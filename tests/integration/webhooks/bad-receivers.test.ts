// Receivers that misbehave, through the whole pipeline: one that answers 500, one that hangs (its
// 30 s shortened through the timeout option), one that redirects, a URL that is not one. Each
// failure is logged with its reason and retried with the same RS-Delivery; none delays the others.
// And promptness: the runner every app instance starts delivers a change within seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookRunner } from "~/server/jobs/webhook-jobs";
import { newWebhookSecret } from "~/server/webhooks/signature";
import { deliverDueWebhooks, fanOutWebhookEvents } from "~/server/webhooks/pipeline";
import { completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";
import { startWebhookReceiver } from "../../support/webhook-receiver";

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe("webhooks to receivers that misbehave", () => {
  const world = useWorld();
  const secret = newWebhookSecret();
  const receivers: Record<"fine" | "failing" | "hanging" | "redirecting", Receiver> = {} as never;
  beforeAll(async () => {
    for (const name of ["fine", "failing", "hanging", "redirecting"] as const) {
      receivers[name] = await startWebhookReceiver(secret);
    }
    receivers.failing.set("fail");
    receivers.hanging.set("hang");
    receivers.redirecting.set("redirect");
  });
  afterAll(async () => {
    for (const r of Object.values(receivers)) await r.close();
  });
  const subscribe = (url: string) =>
    world.db.webhookSubscription.create({
      data: { customerId: null, url, events: ["repair.completed"], secret, createdById: world.admin.userId },
    });

  it("logs each failure with its reason, keeps the same RS-Delivery on retry, and a hang delays nobody", async () => {
    const subs = {
      fine: await subscribe(receivers.fine.url),
      failing: await subscribe(receivers.failing.url),
      hanging: await subscribe(receivers.hanging.url),
      redirecting: await subscribe(receivers.redirecting.url),
      // A URL stored malformed (written around the checks): the try fails, nothing is sent.
      malformed: await subscribe("http//missing-colon"),
    };
    const repair = await completedRepair(world.db, world, "WH-BAD");
    while ((await fanOutWebhookEvents(world.db)) > 0);
    const started = Date.now();
    await deliverDueWebhooks(world.db, { allowPrivate: true, timeoutMs: 800 });
    // Tried together: the whole batch took about one timeout, not one per receiver.
    expect(Date.now() - started).toBeLessThan(5_000);
    const byName = async (id: string) =>
      world.db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id }, include: { log: true } });
    expect(await byName(subs.fine.id)).toMatchObject({ status: "DELIVERED", lastStatusCode: 200 });
    expect(await byName(subs.failing.id)).toMatchObject({
      status: "PENDING",
      lastStatusCode: 500,
      lastError: "HTTP 500",
    });
    const hung = await byName(subs.hanging.id);
    expect(hung).toMatchObject({ status: "PENDING", lastStatusCode: null, lastError: "no answer within 800 ms" });
    expect(hung.lastDurationMs).toBeGreaterThanOrEqual(790);
    expect(await byName(subs.redirecting.id)).toMatchObject({
      status: "PENDING",
      lastStatusCode: 302,
      lastError: "redirect 302 not followed",
    });
    const malformed = await byName(subs.malformed.id);
    expect(malformed).toMatchObject({ status: "PENDING", lastStatusCode: null });
    expect(malformed.lastError).toMatch(/^URL /);
    // The redirect's target was never asked.
    expect(receivers.redirecting.received).toHaveLength(1);

    // The retry, 31 s later: the same RS-Delivery at each receiver, each signed.
    const later = () => new Date(Date.now() + 31_000);
    receivers.failing.set("ok");
    await deliverDueWebhooks(world.db, { allowPrivate: true, timeoutMs: 800, now: later });
    const failing = receivers.failing.received.filter(
      (r) => (r.body as { data: { repairId: string } }).data.repairId === repair.id,
    );
    expect(failing.map((r) => r.deliveryId)).toEqual([failing[0]!.deliveryId, failing[0]!.deliveryId]);
    expect(failing.every((r) => r.signatureValid)).toBe(true);
    expect(await byName(subs.failing.id)).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect(receivers.hanging.received.map((r) => r.deliveryId)).toEqual([hung.id, hung.id]);
    await world.db.webhookSubscription.deleteMany({});
  });

  it("the runner delivers a change within seconds of its commit", async () => {
    await world.db.webhookSubscription.create({
      data: {
        customerId: null,
        url: receivers.fine.url,
        events: ["repair.completed"],
        secret,
        createdById: world.admin.userId,
      },
    });
    const runner = startWebhookRunner(world.db);
    try {
      const before = receivers.fine.received.length;
      const committed = Date.now();
      const repair = await completedRepair(world.db, world, "WH-FAST");
      while (receivers.fine.received.length === before && Date.now() - committed < 10_000) {
        await new Promise((r) => setTimeout(r, 25));
      }
      const took = Date.now() - committed;
      console.info(`webhook delivered ${took} ms after the change`);
      const got = receivers.fine.received.at(-1)!;
      expect((got.body as { data: { repairId: string } }).data.repairId).toBe(repair.id);
      expect(took).toBeLessThan(5_000); // every 2 s, plus the delivery itself
    } finally {
      await runner.stop();
    }
  });
});
