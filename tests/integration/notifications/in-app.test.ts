// In-app notifications from the outbox: who is told (never whoever caused it), one notification
// per person for a walk's many repairs, each event told once however often the fan-out runs,
// and a person only ever reads and clears their own.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { callerFor } from "../../support/fixtures";
import { push, repairCapture, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("in-app notifications", () => {
  const world = useWorld();
  const mine = (person: { userId: string }) =>
    world.db.notification.findMany({ where: { userId: person.userId }, orderBy: { updatedAt: "asc" } });
  const drain = async () => {
    while ((await fanOutEvents(world.db)).events > 0);
  };

  beforeEach(async () => {
    await world.db.customer.update({ where: { id: world.acme.id }, data: { autoApproveLotRepairs: false } });
    await drain();
    await world.db.notification.deleteMany();
  });

  it("a walk's repairs needing approval make one notification per person, counting them, and not for the technician", async () => {
    const walkId = randomUUID();
    const walk = { id: walkId, customerId: world.acme.id };
    await push(world.db, world.tina, [walkStart(world.acme.id, walkId), repairCapture(walk, { unitNumber: "N-1" })]);
    await drain();
    await push(world.db, world.tina, [
      repairCapture(walk, { unitNumber: "N-2" }),
      repairCapture(walk, { unitNumber: "N-3" }),
    ]);
    await drain();

    const carla = await mine(world.carla);
    expect(carla).toHaveLength(1);
    expect(carla[0]).toMatchObject({ type: "APPROVAL_REQUIRED", count: 3, title: "3 repairs need your approval" });
    expect(carla[0]!.url).toMatch(/^\/portal/);
    for (const office of [world.maya, world.admin]) {
      expect(await mine(office)).toMatchObject([{ title: "3 repairs wait for approval", url: "/manager" }]);
    }
    expect(await mine(world.tina)).toEqual([]); // she captured them
    expect(await mine(world.gus)).toEqual([]); // another customer's user
  });

  it("an assignment tells its technician, not the manager who made it", async () => {
    const repair = await callerFor(world.db, world.admin).repair.request({
      id: randomUUID(),
      unitId: (await world.db.unit.create({ data: { customerId: world.acme.id, unitNumber: "N-10" } })).id,
      damageType: "CHIP",
    });
    await drain();
    await world.db.notification.deleteMany();
    await callerFor(world.db, world.maya).repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId });
    await drain();
    expect(await mine(world.tina)).toMatchObject([{ type: "REPAIR_ASSIGNED", title: "A repair was assigned to you" }]);
    expect(await mine(world.maya)).toEqual([]);
  });

  it("tells each event once, however often or concurrently the fan-out runs", async () => {
    const walkId = randomUUID();
    await push(world.db, world.tina, [
      walkStart(world.acme.id, walkId),
      repairCapture({ id: walkId, customerId: world.acme.id }, { unitNumber: "N-20" }),
    ]);
    await Promise.all([fanOutEvents(world.db), fanOutEvents(world.db), fanOutEvents(world.db)]);
    await drain();
    expect((await fanOutEvents(world.db)).events).toBe(0);
    expect(await mine(world.carla)).toMatchObject([{ count: 1 }]);
    expect(await world.db.domainEvent.count({ where: { notifiedAt: null } })).toBe(0);
  });

  it("a person reads and clears only their own; a new event of the group makes it unread again", async () => {
    const walkId = randomUUID();
    const walk = { id: walkId, customerId: world.acme.id };
    await push(world.db, world.tina, [walkStart(world.acme.id, walkId), repairCapture(walk, { unitNumber: "N-30" })]);
    await drain();
    const carla = callerFor(world.db, world.carla);
    const [note] = (await carla.notifications.mine()).items;
    expect(await carla.notifications.unreadCount()).toBe(1);
    expect(await callerFor(world.db, world.gus).notifications.markRead({ ids: [note!.id] })).toEqual({ marked: 0 });
    expect(await carla.notifications.unreadCount()).toBe(1);
    expect(await carla.notifications.markRead({ ids: [note!.id] })).toEqual({ marked: 1 });
    expect(await carla.notifications.unreadCount()).toBe(0);

    await push(world.db, world.tina, [repairCapture(walk, { unitNumber: "N-31" })]);
    await drain();
    expect(await carla.notifications.mine()).toMatchObject({
      unread: 1,
      items: [{ title: "2 repairs need your approval", readAt: null }],
    });
  });
});
