// Undoing an approval puts the repairs back to waiting, so the office and the customer are told
// again that they wait (APPROVAL_REQUIRED, in the walk's group): the notification comes back
// unread, and webhook subscribers receive the event once more.
import { describe, expect, it } from "vitest";
import { fanOutEvents } from "~/server/services/notifications/fan-out-events";
import { callerFor, createWalk } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("undo of an approval re-emits APPROVAL_REQUIRED", () => {
  const world = useWorld();

  it("records one APPROVAL_REQUIRED per repair put back, and the waiting notification is unread again", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    for (let i = 1; i <= 3; i++)
      await capture(world.db, world, { unitNumber: `UE-${i}`, attachments: [] }, world.tina, walk);
    const waitingEvents = () =>
      world.db.domainEvent.findMany({ where: { walkId: walk.id, type: "APPROVAL_REQUIRED" }, orderBy: { seq: "asc" } });
    expect(await waitingEvents()).toHaveLength(3);
    while ((await fanOutEvents(world.db)).events > 0);
    const groupKey = `APPROVAL_REQUIRED:walk:${walk.id}`;
    const notification = () =>
      world.db.notification.findUniqueOrThrow({ where: { userId_groupKey: { userId: world.admin.userId, groupKey } } });
    await world.db.notification.updateMany({ where: { groupKey }, data: { readAt: new Date() } });

    const maya = callerFor(world.db, world.maya);
    const approved = await maya.manager.approveWalk({ walkId: walk.id, expectedCount: 3 });
    expect(await waitingEvents()).toHaveLength(3);
    await maya.manager.undoApproval({ ids: approved.approved.map((r) => r.id) });

    const events = await waitingEvents();
    expect(events).toHaveLength(6);
    for (const event of events.slice(3)) {
      expect(event).toMatchObject({ actorUserId: world.maya.userId, groupKey, notifiedAt: null });
      expect(event.payload).toMatchObject({ status: "PENDING_APPROVAL", amountCents: expect.any(Number) });
    }
    expect(new Set(events.slice(3).map((e) => e.repairId))).toEqual(new Set(approved.approved.map((r) => r.id)));

    while ((await fanOutEvents(world.db)).events > 0);
    expect(await notification()).toMatchObject({ readAt: null });
    // The customer is asked again too; Maya, who undid it, is not told of her own change.
    const carla = await world.db.notification.findUniqueOrThrow({
      where: { userId_groupKey: { userId: world.carla.userId, groupKey } },
    });
    expect(carla.readAt).toBeNull();
    const mayas = await world.db.notification.findUniqueOrThrow({
      where: { userId_groupKey: { userId: world.maya.userId, groupKey } },
    });
    expect(mayas.readAt).not.toBeNull();
  });
});
