import { describe, expect, it } from "vitest";
import { callerFor, createWalk } from "../../support/fixtures";
import { capture } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("the manager's queue: search, filters, sort, pages, approve a whole walk and undo", () => {
  const world = useWorld();

  it("narrows by search and filters, sorts, and pages by walk with a cursor", async () => {
    const acmeWalk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const globexWalk = await createWalk(world.db, world.globex.id, world.tina.technicianId);
    const a1 = await capture(world.db, world, { unitNumber: "QA-1", attachments: [] }, world.tina, acmeWalk);
    const a2 = await capture(world.db, world, { unitNumber: "QA-2", attachments: [] }, world.tina, acmeWalk);
    const g1 = await capture(
      world.db,
      world,
      { unitNumber: "QG-1", customerId: world.globex.id, attachments: [] },
      world.tina,
      globexWalk,
    );
    const admin = callerFor(world.db, world.admin);
    await admin.repair.markUrgent({ repairId: g1.id, urgent: true });

    const all = await admin.manager.queue({});
    expect(all.matching).toEqual({ repairs: 3, groups: 2 });
    // Urgency first: Globex's walk holds the urgent repair.
    expect(all.groups.map((g) => g.walk?.id)).toEqual([globexWalk.id, acmeWalk.id]);
    expect(all.groups[1]).toMatchObject({ wholeWalk: { count: 2, totalCents: 10000 }, totalCents: 10000 });
    expect(all.facets.customers.map((c) => [c.name, c.count])).toEqual([
      ["Acme Rentals", 2],
      ["Globex Trucking", 1],
    ]);

    const bySearch = await admin.manager.queue({ search: "qa-2" });
    expect(bySearch.groups.flatMap((g) => g.repairs.map((r) => r.id))).toEqual([a2.id]);
    // The walk's header still offers the whole walk, filters aside.
    expect(bySearch.groups[0]!.wholeWalk).toEqual({ count: 2, totalCents: 10000 });
    expect((await admin.manager.queue({ search: "glob" })).matching.repairs).toBe(1);
    expect((await admin.manager.queue({ search: "tina" })).matching.repairs).toBe(3);
    expect((await admin.manager.queue({ customerId: world.acme.id })).matching.repairs).toBe(2);
    expect((await admin.manager.queue({ urgent: true })).groups.flatMap((g) => g.repairs.map((r) => r.id))).toEqual([
      g1.id,
    ]);
    expect((await admin.manager.queue({ olderThanDays: 3 })).matching.repairs).toBe(0);
    expect((await admin.manager.queue({ technicianId: "none" })).matching.repairs).toBe(0);

    // Without urgent work, "urgency" puts the newest walk first.
    await admin.repair.markUrgent({ repairId: g1.id, urgent: false });
    expect((await admin.manager.queue({})).groups.map((g) => g.walk?.id)).toEqual([globexWalk.id, acmeWalk.id]);
    expect((await admin.manager.queue({})).groups[1]!.repairs.map((r) => r.id)).toEqual([a2.id, a1.id]);
    await admin.repair.markUrgent({ repairId: g1.id, urgent: true });
    const newest = await admin.manager.queue({ sort: "newest" });
    expect(newest.groups[0]!.walk?.id).toBe(globexWalk.id);
    expect((await admin.manager.queue({ sort: "oldest" })).groups[0]!.repairs.map((r) => r.id)).toEqual([a1.id, a2.id]);

    const first = await admin.manager.queue({ limit: 1, sort: "oldest" });
    expect(first.groups.map((g) => g.walk?.id)).toEqual([acmeWalk.id]);
    const second = await admin.manager.queue({ limit: 1, sort: "oldest", cursor: first.nextCursor! });
    expect(second.groups.map((g) => g.walk?.id)).toEqual([globexWalk.id]);
    expect(second.nextCursor).toBeNull();
    // A page also stops once it holds enough repairs, but never splits a walk.
    const full = await admin.manager.queue({ sort: "oldest", repairs: 2 });
    expect(full.groups.map((g) => [g.walk?.id, g.repairs.length])).toEqual([[acmeWalk.id, 2]]);
    const rest = await admin.manager.queue({ sort: "oldest", repairs: 2, cursor: full.nextCursor! });
    expect(rest.groups.map((g) => g.walk?.id)).toEqual([globexWalk.id]);
    expect(rest.nextCursor).toBeNull();
    // A walk longer than a page shows a page's worth of its repairs; the rest come on demand, in order.
    const oneWalk = await admin.manager.queue({ sort: "oldest", repairs: 1 });
    expect(oneWalk.groups.map((g) => [g.walk?.id, g.repairs.map((r) => r.id), g.matchingRepairs])).toEqual([
      [acmeWalk.id, [a1.id], 2],
    ]);
    expect(oneWalk.groups[0]!.totalCents).toBe(10000);
    const wholeGroup = await admin.manager.queueGroup({ sort: "oldest", key: oneWalk.groups[0]!.key, repairs: 30 });
    expect([wholeGroup.repairs.map((r) => r.id), wholeGroup.matchingRepairs]).toEqual([[a1.id, a2.id], 2]);
    // With the queue's filters: only what matches, and nothing of a group this person may not see.
    expect(
      (await admin.manager.queueGroup({ search: "glob", key: oneWalk.groups[0]!.key, repairs: 30 })).matchingRepairs,
    ).toBe(0);

    // A manager never sees what is outside their team.
    const theosWalk = await createWalk(world.db, world.acme.id, world.theo.technicianId);
    await capture(world.db, world, { unitNumber: "QT-1", attachments: [] }, world.theo, theosWalk);
    const maya = await callerFor(world.db, world.maya).manager.queue({ search: "QT-1" });
    expect(maya.matching.repairs).toBe(0);
    expect(await callerFor(world.db, world.maya).manager.queueGroup({ key: theosWalk.id, repairs: 30 })).toEqual({
      repairs: [],
      matchingRepairs: 0,
    });
  });

  it("approves a whole walk for the confirmed count only, and undo restores exactly what was there, audited", async () => {
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const found = [];
    for (let i = 1; i <= 5; i++)
      found.push(await capture(world.db, world, { unitNumber: `UW-${i}`, attachments: [] }, world.tina, walk));
    const beforeRows = await world.db.repair.findMany({ where: { walkId: walk.id }, orderBy: { id: "asc" } });
    const maya = callerFor(world.db, world.maya);

    await expect(maya.manager.approveWalk({ walkId: walk.id, expectedCount: 4 })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "WALK_CHANGED" },
    });
    const approved = await maya.manager.approveWalk({ walkId: walk.id, expectedCount: 5 });
    expect(approved.approved).toHaveLength(5);

    // Someone else may not undo Maya's approval.
    await expect(callerFor(world.db, world.admin).manager.undoApproval({ ids: [found[0]!.id] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const undone = await maya.manager.undoApproval({ ids: approved.approved.map((r) => r.id) });
    expect(undone.map((r) => r.status)).toEqual(Array(5).fill("PENDING_APPROVAL"));
    const afterRows = await world.db.repair.findMany({ where: { walkId: walk.id }, orderBy: { id: "asc" } });
    const strip = ({ updatedAt: _u, ...rest }: (typeof afterRows)[number]) => rest;
    expect(afterRows.map(strip)).toEqual(beforeRows.map(strip));
    expect(await world.db.auditLog.count({ where: { action: "repair.unapprove", actorId: world.maya.userId } })).toBe(
      5,
    );

    // Undo is for seconds after: an older approval stands.
    const again = await maya.manager.approveWalk({ walkId: walk.id });
    await world.db.repair.updateMany({
      where: { walkId: walk.id },
      data: { approvedAt: new Date(Date.now() - 60_000) },
    });
    await expect(maya.manager.undoApproval({ ids: again.approved.map((r) => r.id) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await world.db.repair.count({ where: { walkId: walk.id, status: "APPROVED" } })).toBe(5);
  });

  it("a card's reason is asked again of the rules after a manager changes the price", async () => {
    await world.db.customer.update({
      where: { id: world.acme.id },
      data: { autoApproveLotRepairs: true, maxAutoApproveCents: 4000, requirePhotoForApproval: false },
    });
    const walk = await createWalk(world.db, world.acme.id, world.tina.technicianId);
    const found = await capture(world.db, world, { unitNumber: "RS-1", attachments: [] }, world.tina, walk);
    const admin = callerFor(world.db, world.admin);
    const card = async () =>
      (await admin.manager.queue({ search: "RS-1" })).groups[0]!.repairs.find((r) => r.id === found.id)!;
    expect((await card()).decisionReason).toBe("needs approval: $50.00 is over the $40.00 auto-approve limit");
    await admin.repair.overridePrice({ repairId: found.id, amountCents: 4500, reason: "small chip, agreed" });
    expect((await card()).decisionReason).toBe("needs approval: $45.00 is over the $40.00 auto-approve limit");
    expect((await card()).approvalReason).toBe("needs approval: $50.00 is over the $40.00 auto-approve limit");
  });
});
