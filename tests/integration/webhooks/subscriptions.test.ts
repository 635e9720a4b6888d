// Webhook subscriptions as people manage them (through tRPC, as the screens do): who may manage
// which, the secret shown once, URL checks, the delivery log, replay and test pings against a
// loopback receiver that verifies signatures, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callerFor, createCustomerUser, type Person } from "../../support/fixtures";
import { completedRepair } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";
import { startWebhookReceiver } from "../../support/webhook-receiver";
import { deliverDueWebhooks, fanOutWebhookEvents } from "~/server/webhooks/pipeline";

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe("webhook subscriptions", () => {
  const world = useWorld();
  let acmeContact: Person;
  // The receiver checks signatures with the secret the create answer showed.
  let receiver: Receiver;
  let secret = "";
  beforeAll(async () => {
    const user = await createCustomerUser(world.db, world.acme.id, "Pat");
    await world.db.customerUser.update({ where: { userId: user.userId }, data: { isPrimaryContact: true } });
    acmeContact = { userId: user.userId, actor: await actorFor(world.db, user.userId) };
  });
  afterAll(async () => {
    await receiver?.close();
  });
  const run = async () => {
    while ((await fanOutWebhookEvents(world.db)) > 0);
    while ((await deliverDueWebhooks(world.db, { allowPrivate: true })) > 0);
  };

  it("refuses technicians and managers, and a customer user who is not the primary contact", async () => {
    await expect(callerFor(world.db, world.tina).webhooks.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(world.db, world.carla).webhooks.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(world.db, world.carla).webhooks.create({ url: "http://127.0.0.1:9/x", events: ["repair.completed"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a malformed URL, a URL with credentials, an unknown event and no event", async () => {
    const admin = callerFor(world.db, world.admin);
    await expect(admin.webhooks.create({ url: "not a url", events: ["repair.completed"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The URL is not a URL.",
    });
    await expect(
      admin.webhooks.create({ url: "ftp://example.com/hook", events: ["repair.completed"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.webhooks.create({ url: "https://u:p@example.com/hook", events: ["repair.completed"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.webhooks.create({ url: "https://example.com/hook", events: ["repair.exploded" as "repair.completed"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.webhooks.create({ url: "https://example.com/hook", events: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("a customer's contact manages its own customer's webhooks only; the admin sees all", async () => {
    const contact = callerFor(world.db, acmeContact);
    const created = await contact.webhooks
      .create({
        url: "https://example.com/acme",
        events: ["repair.completed"],
        customerId: world.globex.id, // refused: a contact reaches its own customer only
      })
      .catch((e: unknown) => e);
    expect(created).toMatchObject({ code: "NOT_FOUND" });
    const own = await contact.webhooks.create({ url: "https://example.com/acme", events: ["repair.completed"] });
    expect(own.webhook.customerId).toBe(world.acme.id);
    expect(own.secret).toMatch(/^whsec_/);
    const admin = callerFor(world.db, world.admin);
    const globexHook = await admin.webhooks.create({
      url: "https://example.com/globex",
      events: ["repair.created"],
      customerId: world.globex.id,
    });
    expect(globexHook.webhook.customerName).toBe("Globex Trucking");
    const listed = await contact.webhooks.list();
    expect(listed.map((w) => w.id)).toEqual([own.webhook.id]);
    expect(JSON.stringify(listed)).not.toContain(own.secret); // the secret is answered once
    expect((await admin.webhooks.list()).map((w) => w.id)).toEqual(
      expect.arrayContaining([own.webhook.id, globexHook.webhook.id]),
    );
    // Another customer's webhook does not exist for this contact.
    // Thunks, not promises: a call started early and refused before its turn would be an unhandled rejection.
    for (const attempt of [
      () => contact.webhooks.setEnabled({ id: globexHook.webhook.id, enabled: false }),
      () => contact.webhooks.rotateSecret({ id: globexHook.webhook.id }),
      () => contact.webhooks.delete({ id: globexHook.webhook.id }),
      () => contact.webhooks.deliveries({ id: globexHook.webhook.id }),
      () => contact.webhooks.ping({ id: globexHook.webhook.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await contact.webhooks.delete({ id: own.webhook.id });
    await admin.webhooks.delete({ id: globexHook.webhook.id });
    expect(await contact.webhooks.list()).toEqual([]);
    const audit = await world.db.auditLog.findMany({
      where: { entityId: { in: [own.webhook.id, globexHook.webhook.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.create",
      "webhook.create",
      "webhook.delete",
      "webhook.delete",
    ]);
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain(own.secret);
  });

  it("pings, logs, replays with the same RS-Delivery, rotates the secret, and switches off and on", async () => {
    const admin = callerFor(world.db, world.admin);
    // The receiver must know the secret before the first POST: start it with a placeholder and
    // swap in the real one (verifyWebhook reads `secret` at each request).
    receiver = await startWebhookReceiver(() => secret);
    const { webhook, secret: first } = await admin.webhooks.create({ url: receiver.url, events: ["repair.completed"] });
    secret = first;

    const ping = await admin.webhooks.ping({ id: webhook.id });
    expect(ping).toMatchObject({ status: "DELIVERED", statusCode: 200, error: null });
    expect(receiver.received.at(-1)).toMatchObject({
      event: "ping",
      deliveryId: ping.deliveryId,
      signatureValid: true,
    });

    receiver.set("fail");
    await completedRepair(world.db, world, "WH-S1");
    await run();
    const log = await admin.webhooks.deliveries({ id: webhook.id });
    const completed = log.items.find((d) => d.eventName === "repair.completed")!;
    expect(completed).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    expect(completed.log[0]).toMatchObject({ statusCode: 500, error: "HTTP 500" });
    expect(completed.log[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(log.items.map((d) => d.eventName)).toEqual(["repair.completed", "ping"]); // newest first

    receiver.set("ok");
    const replay = await admin.webhooks.replay({ deliveryId: completed.id });
    expect(replay).toMatchObject({ status: "DELIVERED", statusCode: 200 });
    const got = receiver.received.filter((r) => r.deliveryId === completed.id);
    expect(got).toHaveLength(2);
    expect(got.every((r) => r.signatureValid)).toBe(true);

    const rotated = await admin.webhooks.rotateSecret({ id: webhook.id });
    expect(rotated.secret).not.toBe(first);
    secret = rotated.secret;
    await admin.webhooks.ping({ id: webhook.id });
    expect(receiver.received.at(-1)?.signatureValid).toBe(true); // signed with the new secret

    const off = await admin.webhooks.setEnabled({ id: webhook.id, enabled: false });
    expect(off.enabled).toBe(false);
    await expect(admin.webhooks.ping({ id: webhook.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.webhooks.replay({ deliveryId: completed.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const on = await admin.webhooks.setEnabled({ id: webhook.id, enabled: true });
    expect(on).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });

    // Paging: one at a time, newest first, until the end.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.webhooks.deliveries({ id: webhook.id, limit: 1, cursor });
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);

    const actions = await world.db.auditLog.findMany({ where: { entityId: { in: [webhook.id, completed.id] } } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        "webhook.create",
        "webhook.disable",
        "webhook.enable",
        "webhook.ping",
        "webhook.ping",
        "webhook.replay",
        "webhook.rotate_secret",
      ].sort(),
    );
  });
});
