// A person's preferences: defaults shown as they apply, only their own events listed, choices
// saved and read back, bad input refused; the one-click unsubscribe switches off exactly what its
// signed token names, and a forged token nothing.
import { describe, expect, it } from "vitest";
import { unsubscribeSecret } from "~/server/data/notifications/render-delivery";
import { unsubscribeConfirmPage, unsubscribeNow } from "~/server/http/unsubscribe-responses";
import { signUnsubscribeToken } from "~/server/notifications/unsubscribe-token";
import { callerFor } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

const URL_BASE = "http://localhost:3000/api/notifications/unsubscribe";

describe("notification preferences", () => {
  const world = useWorld();

  it("shows each person the events they can be told of, with the defaults, and saves their choices", async () => {
    const carla = callerFor(world.db, world.carla);
    const mine = await carla.notifications.preferences();
    expect(mine.events.map((e) => e.type)).toContain("APPROVAL_REQUIRED");
    expect(mine.events.map((e) => e.type)).not.toContain("REPAIR_REQUESTED");
    expect(mine.events.find((e) => e.type === "APPROVAL_REQUIRED")!.channels).toEqual({
      EMAIL: true,
      SMS: false,
      PUSH: false,
    });
    const saved = await carla.notifications.savePreferences({
      events: [{ type: "APPROVAL_REQUIRED", channels: { EMAIL: false, SMS: true } }],
      frequency: { EMAIL: "daily" },
      quietFrom: "21:00",
      quietTo: "07:00",
    });
    expect(saved.events.find((e) => e.type === "APPROVAL_REQUIRED")!.channels).toMatchObject({
      EMAIL: false,
      SMS: true,
    });
    expect(saved).toMatchObject({
      frequency: { EMAIL: "daily", SMS: "instant" },
      quietFrom: "21:00",
      quietTo: "07:00",
    });
    // Another person's are untouched.
    const gus = await callerFor(world.db, world.gus).notifications.preferences();
    expect(gus.frequency.EMAIL).toBe("instant");

    const manager = await callerFor(world.db, world.maya).notifications.preferences();
    expect(manager.events.map((e) => e.type)).toEqual(expect.arrayContaining(["REPAIR_REQUESTED", "REPAIR_ASSIGNED"]));
  });

  it("refuses times that are not times and half-given quiet hours", async () => {
    const carla = callerFor(world.db, world.carla);
    await expect(
      carla.notifications.savePreferences({ events: [], quietFrom: "25:00", quietTo: "07:00" }),
    ).rejects.toThrow(/time of day/);
    await expect(
      carla.notifications.savePreferences({ events: [], quietFrom: "21:00", quietTo: null }),
    ).rejects.toThrow(/both a start and an end/);
    await expect(
      carla.notifications.savePreferences({ events: [{ type: "NOPE" as never, channels: { EMAIL: true } }] }),
    ).rejects.toThrow();
  });

  it("the unsubscribe link asks first (GET), then switches off what its token names (POST, one-click)", async () => {
    const token = signUnsubscribeToken(
      { userId: world.gus.userId, channel: "EMAIL", eventType: "REPAIR_COMPLETED" },
      unsubscribeSecret(),
    );
    const confirm = unsubscribeConfirmPage(token);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toMatch(/<button type="submit"[^>]*>Unsubscribe<\/button>/);
    // A GET changed nothing.
    expect(await world.db.notificationPreference.count({ where: { userId: world.gus.userId } })).toBe(0);

    const oneClick = await unsubscribeNow(
      world.db,
      new Request(`${URL_BASE}?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(oneClick.status).toBe(200);
    const gus = await callerFor(world.db, world.gus).notifications.preferences();
    expect(gus.events.find((e) => e.type === "REPAIR_COMPLETED")!.channels.EMAIL).toBe(false);
    expect(gus.events.find((e) => e.type === "APPROVAL_REQUIRED")!.channels.EMAIL).toBe(true);

    // The confirm page's form posts the token in its body.
    const all = signUnsubscribeToken(
      { userId: world.gus.userId, channel: "EMAIL", eventType: null },
      unsubscribeSecret(),
    );
    const byForm = await unsubscribeNow(
      world.db,
      new Request(URL_BASE, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `token=${encodeURIComponent(all)}`,
      }),
    );
    expect(byForm.status).toBe(200);
    const after = await callerFor(world.db, world.gus).notifications.preferences();
    expect(after.events.every((e) => !e.channels.EMAIL)).toBe(true);
  });

  it("a forged or altered token changes nothing", async () => {
    const forged = signUnsubscribeToken(
      { userId: world.carla.userId, channel: "EMAIL", eventType: null },
      "someone-elses-secret-0123456789",
    );
    const before = await world.db.notificationPreference.count({ where: { userId: world.carla.userId } });
    for (const token of [forged, `${forged}x`, "garbage"]) {
      const response = await unsubscribeNow(
        world.db,
        new Request(`${URL_BASE}?token=${encodeURIComponent(token)}`, { method: "POST" }),
      );
      expect(response.status).toBe(400);
    }
    expect(unsubscribeConfirmPage(forged).status).toBe(400);
    expect(await world.db.notificationPreference.count({ where: { userId: world.carla.userId } })).toBe(before);
  });
});
