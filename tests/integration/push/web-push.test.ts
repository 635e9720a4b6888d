// Web Push end to end against a loopback push service that checks VAPID and decrypts the payload
// with the subscriber's keys: subscribing through tRPC, sendPushToUser to every device of a user,
// a gone subscription (410) deleted, the PUSH channel sender.
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermanentDeliveryError } from "~/server/notifications/channel";
import { createPushSender, sendPushToUser, type VapidKeys } from "~/server/notifications/push-sender";
import { callerFor } from "../../support/fixtures";
import { startPushService } from "../../support/push-service";
import { useWorld } from "../../support/use-world";

describe("Web Push", () => {
  const world = useWorld();
  const keys = webpush.generateVAPIDKeys();
  const vapid: VapidKeys = { ...keys, subject: "mailto:ops@rs.test" };
  let service: Awaited<ReturnType<typeof startPushService>>;
  beforeAll(async () => {
    service = await startPushService();
  });
  afterAll(async () => {
    await service.close();
  });
  const message = (deliveryId: string) => ({
    deliveryId,
    subject: "Approval needed: Acme Rentals",
    text: "3 repairs on unit AB-12 wait for approval",
    url: "http://localhost:3000/manager?repair=r1",
  });

  it("a technician subscribes two devices; one push reaches both, signed with VAPID and readable only with their keys", async () => {
    const phone = service.subscribe();
    const tablet = service.subscribe();
    const tina = callerFor(world.db, world.tina);
    await tina.push.subscribe({ endpoint: phone.endpoint, keys: phone.keys, userAgent: "phone" });
    await tina.push.subscribe({ endpoint: tablet.endpoint, keys: tablet.keys });
    expect(await tina.push.status({ endpoint: phone.endpoint })).toEqual({ subscribed: true });

    const result = await sendPushToUser(world.db, world.tina.userId, message("d-1"), { vapid });
    expect(result).toMatchObject({ sent: 2, gone: 0, failed: 0 });
    const got = service.received.filter((r) => [phone.id, tablet.id].includes(r.endpointId));
    expect(got).toHaveLength(2);
    for (const r of got) {
      expect(r.vapidProblem).toBeNull();
      expect(r.jwt).toMatchObject({ aud: service.origin, sub: "mailto:ops@rs.test" });
      expect(r.ttl).toBe(String(24 * 60 * 60));
      expect(r.payload).toEqual({
        title: "Approval needed: Acme Rentals",
        body: "3 repairs on unit AB-12 wait for approval",
        url: "http://localhost:3000/manager?repair=r1",
        tag: "d-1",
      });
    }
  });

  it("deletes a subscription the push service says is gone (410), keeps the others", async () => {
    const old = service.subscribe();
    const current = service.subscribe();
    const maya = callerFor(world.db, world.maya);
    await maya.push.subscribe({ endpoint: old.endpoint, keys: old.keys });
    await maya.push.subscribe({ endpoint: current.endpoint, keys: current.keys });
    service.markGone(old.id);
    const result = await sendPushToUser(world.db, world.maya.userId, message("d-2"), { vapid });
    expect(result).toMatchObject({ sent: 1, gone: 1 });
    const left = await world.db.pushSubscription.findMany({ where: { userId: world.maya.userId } });
    expect(left.map((s) => s.endpoint)).toEqual([current.endpoint]);
    // Every device gone: nothing to retry.
    service.markGone(current.id);
    await expect(sendPushToUser(world.db, world.maya.userId, message("d-3"), { vapid })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(await world.db.pushSubscription.count({ where: { userId: world.maya.userId } })).toBe(0);
  });

  it("a push service error is retryable; no subscription or no VAPID keys is permanent", async () => {
    const device = service.subscribe();
    await callerFor(world.db, world.theo).push.subscribe({ endpoint: device.endpoint, keys: device.keys });
    service.answerWith(503);
    await expect(sendPushToUser(world.db, world.theo.userId, message("d-4"), { vapid })).rejects.toThrow(
      /push service 503/,
    );
    service.answerWith(201);
    await expect(sendPushToUser(world.db, world.theo.userId, message("d-4"), { vapid })).resolves.toMatchObject({
      sent: 1,
    });
    await expect(sendPushToUser(world.db, world.admin.userId, message("d-5"), { vapid })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    await expect(sendPushToUser(world.db, world.theo.userId, message("d-6"), { vapid: null })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
  });

  it("the PUSH channel sender sends to the recipient's devices, or keeps the message without VAPID keys", async () => {
    const device = service.subscribe();
    await callerFor(world.db, world.tina).push.subscribe({ endpoint: device.endpoint, keys: device.keys });
    const outgoing = {
      ...message("d-7"),
      recipient: { userId: world.tina.userId, name: "Tina", email: "t@t.test", phone: null },
    };
    await expect(createPushSender(world.db, vapid).send(outgoing)).resolves.toEqual({ outcome: "sent" });
    expect(service.received.filter((r) => r.endpointId === device.id)).toHaveLength(1);
    await expect(createPushSender(world.db, null).send(outgoing)).resolves.toEqual({ outcome: "kept" });
  });

  it("moves a shared device to whoever subscribes last; unsubscribe removes only one's own; bad keys are refused", async () => {
    const shared = service.subscribe();
    await callerFor(world.db, world.theo).push.subscribe({ endpoint: shared.endpoint, keys: shared.keys });
    await callerFor(world.db, world.maya).push.subscribe({ endpoint: shared.endpoint, keys: shared.keys });
    const row = await world.db.pushSubscription.findUniqueOrThrow({ where: { endpoint: shared.endpoint } });
    expect(row.userId).toBe(world.maya.userId);
    await callerFor(world.db, world.theo).push.unsubscribe({ endpoint: shared.endpoint });
    expect(await world.db.pushSubscription.count({ where: { endpoint: shared.endpoint } })).toBe(1);
    await callerFor(world.db, world.maya).push.unsubscribe({ endpoint: shared.endpoint });
    expect(await world.db.pushSubscription.count({ where: { endpoint: shared.endpoint } })).toBe(0);
    await expect(
      callerFor(world.db, world.maya).push.subscribe({ endpoint: shared.endpoint, keys: { p256dh: "x", auth: "y" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(world.db, world.maya).push.subscribe({ endpoint: "not a url", keys: shared.keys }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(world.db, world.carla).push.subscribe({ endpoint: shared.endpoint, keys: shared.keys }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
