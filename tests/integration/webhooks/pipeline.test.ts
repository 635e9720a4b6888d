// Webhooks end to end on the database: outbox -> deliveries -> signed POSTs to a loopback receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_DISABLE_AFTER_FAILURES } from "~/domain/webhooks";
import { newWebhookSecret } from "~/server/webhooks/signature";
import { deliverDueWebhooks, fanOutWebhookEvents, replayWebhookDelivery } from "~/server/webhooks/pipeline";
import { completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";
import { startWebhookReceiver } from "../../support/webhook-receiver";

describe("webhook pipeline", () => {
  const world = useWorld();
  const secret = newWebhookSecret();
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(secret);
  });
  afterAll(async () => {
    await receiver.close();
  });

  const subscribe = (customerId: string | null, url = receiver.url) =>
    world.db.webhookSubscription.create({
      data: { customerId, url, events: ["repair.completed"], secret, createdById: world.admin.userId },
    });
  const run = async (now?: () => Date) => {
    while ((await fanOutWebhookEvents(world.db)) > 0);
    while ((await deliverDueWebhooks(world.db, { allowPrivate: true, now })) > 0);
  };
  const later = (ms: number) => () => new Date(Date.now() + ms);

  it("delivers repair.completed signed; a 500 is retried with the same RS-Delivery; replay keeps it too", async () => {
    const business = await subscribe(null);
    const acmeOnly = await subscribe(world.acme.id);
    const globexOnly = await subscribe(world.globex.id);
    receiver.set("fail");
    const repair = await completedRepair(world.db, world, "WH-1");
    await run();
    const first = receiver.received.filter(
      (r) => (r.body as { data: { repairId: string } }).data.repairId === repair.id,
    );
    expect(first).toHaveLength(2); // business-wide + Acme's, never Globex's
    expect(first.every((r) => r.signatureValid && r.event === "repair.completed")).toBe(true);
    const deliveries = await world.db.webhookDelivery.findMany({
      where: { subscriptionId: { in: [business.id, acmeOnly.id, globexOnly.id] } },
    });
    expect(deliveries.map((d) => d.subscriptionId).sort()).toEqual([business.id, acmeOnly.id].sort());
    expect(deliveries.every((d) => d.status === "PENDING" && d.lastStatusCode === 500 && d.attempts === 1)).toBe(true);

    receiver.set("ok");
    await run(later(31_000));
    const ids = receiver.received
      .filter((r) => (r.body as { data: { repairId: string } }).data.repairId === repair.id)
      .map((r) => r.deliveryId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2); // the retry carried the same RS-Delivery
    const done = await world.db.webhookDelivery.findUniqueOrThrow({
      where: { id: deliveries[0]!.id },
      include: { log: true },
    });
    expect(done).toMatchObject({ status: "DELIVERED", lastStatusCode: 200, attempts: 2 });
    expect(done.log.map((a) => a.statusCode).sort()).toEqual([200, 500]);

    await replayWebhookDelivery(world.db, done.id);
    await run();
    expect(receiver.received.at(-1)?.deliveryId).toBe(done.id);
    const body = receiver.received.at(-1)?.body as { id: string; type: string; occurredAt: string };
    expect(body.type).toBe("repair.completed");
    await world.db.webhookSubscription.updateMany({ data: { enabled: false } });
  });

  it(`disables a subscription after ${WEBHOOK_DISABLE_AFTER_FAILURES} failures in a row and tells its owner`, async () => {
    const sub = await subscribe(world.acme.id);
    receiver.set("fail");
    for (let i = 0; i < WEBHOOK_DISABLE_AFTER_FAILURES; i++) await completedRepair(world.db, world, `WH-F${i}`);
    await run();
    const after = await world.db.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(after).toMatchObject({ enabled: false, consecutiveFailures: WEBHOOK_DISABLE_AFTER_FAILURES });
    expect(after.disabledReason).toMatch(/20 failed deliveries/);
    const told = await world.db.domainEvent.findMany({ where: { type: "WEBHOOK_DISABLED" } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ customerId: world.acme.id, payload: { subscriptionId: sub.id } });
  });
});
