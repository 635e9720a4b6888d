// The outbox: every change a notification or webhook tells of writes its event in the change's
// own transaction, and a change that fails writes none.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOneOffWalk } from "~/server/services/planning/plan-walks";
import { assignRepair } from "~/server/services/repairs/assign-repair";
import { callerFor, contextFor } from "../../support/fixtures";
import { capture, finish, requested } from "../../support/repair-flows";
import { push, repairCapture, walkFinish, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("the event outbox", () => {
  const world = useWorld();
  const eventsOf = (where: { repairId?: string; walkId?: string }) =>
    world.db.domainEvent.findMany({ where, orderBy: { seq: "asc" } });
  const typesOf = async (where: { repairId?: string; walkId?: string }) => (await eventsOf(where)).map((e) => e.type);

  it("tells a repair's life: captured for approval, approved, assigned, started, completed", async () => {
    await world.db.customer.update({ where: { id: world.acme.id }, data: { autoApproveLotRepairs: false } });
    const repair = await capture(world.db, world, { unitNumber: "EV-1" });
    expect(repair.status).toBe("PENDING_APPROVAL");
    await callerFor(world.db, world.carla).repair.approve({ ids: [repair.id] });
    await assignRepair(world.db, contextFor(world.maya), {
      repairId: repair.id,
      technicianId: world.tina.technicianId,
    });
    await finish(world.db, world.tina, repair.id);
    expect(await typesOf({ repairId: repair.id })).toEqual([
      "REPAIR_CREATED",
      "APPROVAL_REQUIRED",
      "REPAIR_APPROVED",
      "REPAIR_ASSIGNED",
      "REPAIR_STARTED",
      "REPAIR_COMPLETED",
    ]);
    const [created] = await eventsOf({ repairId: repair.id });
    expect(created).toMatchObject({
      customerId: world.acme.id,
      walkId: world.walk.id,
      actorUserId: world.tina.userId,
      groupKey: `REPAIR_CREATED:walk:${world.walk.id}`,
      notifiedAt: null,
      webhooksAt: null,
    });
    const completed = (await eventsOf({ repairId: repair.id })).at(-1)!;
    expect(completed.payload).toMatchObject({ status: "COMPLETED", technicianId: world.tina.technicianId });
  });

  it("tells a customer's request as a request, and a reassignment to the new technician", async () => {
    const repair = await requested(world.db, world, "EV-2");
    const maya = callerFor(world.db, world.maya);
    await maya.repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId });
    await maya.repair.assign({ repairId: repair.id, technicianId: world.maya.technicianId });
    const events = await eventsOf({ repairId: repair.id });
    expect(events.map((e) => e.type)).toEqual([
      "REPAIR_CREATED",
      "REPAIR_REQUESTED",
      "REPAIR_ASSIGNED",
      "REPAIR_ASSIGNED",
    ]);
    expect(events.at(-1)!.payload).toMatchObject({ technicianId: world.maya.technicianId });
    expect(events[1]!.groupKey).toBe(`REPAIR_REQUESTED:repair:${repair.id}`);
  });

  it("writes nothing for a refused change", async () => {
    const repair = await requested(world.db, world, "EV-3");
    const before = await world.db.domainEvent.count();
    await expect(
      callerFor(world.db, world.tina).repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(world.db, world.maya).repair.assign({ repairId: repair.id, technicianId: world.theo.technicianId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await world.db.domainEvent.count()).toBe(before);
  });

  it("a sync batch writes one event per repair and state, all keyed to their walk, and a replay writes none", async () => {
    const walkId = randomUUID();
    const walk = { id: walkId, customerId: world.acme.id };
    const mutations = [
      walkStart(world.acme.id, walkId),
      repairCapture(walk, { unitNumber: "EV-10" }),
      repairCapture(walk, { unitNumber: "EV-11" }),
      repairCapture(walk, { unitNumber: "EV-12" }),
      walkFinish(walkId),
    ];
    await push(world.db, world.tina, mutations);
    const events = await eventsOf({ walkId });
    const created = events.filter((e) => e.type === "REPAIR_CREATED");
    expect(created).toHaveLength(3);
    expect(new Set(created.map((e) => e.groupKey))).toEqual(new Set([`REPAIR_CREATED:walk:${walkId}`]));
    expect(events.filter((e) => e.type === "LOT_WALK_COMPLETED")).toHaveLength(1);
    await push(world.db, world.tina, mutations);
    expect(await world.db.domainEvent.count({ where: { walkId } })).toBe(events.length);
  });

  it("tells a planned walk to whoever it concerns, and not again for a cancelled one", async () => {
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const walk = await createOneOffWalk(world.db, contextFor(world.admin), {
      customerId: world.acme.id,
      siteId: null,
      date,
      time: "09:00",
      technicianId: world.tina.technicianId,
    });
    const events = await eventsOf({ walkId: walk.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "LOT_WALK_SCHEDULED", customerId: world.acme.id });
    expect(events[0]!.payload).toMatchObject({ change: "created", date, time: "09:00" });
    await callerFor(world.db, world.admin).schedule.cancelWalk({ walkId: walk.id, reason: "Lot closed" });
    expect(await world.db.domainEvent.count({ where: { walkId: walk.id } })).toBe(1);
  });
});
