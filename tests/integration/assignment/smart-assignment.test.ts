import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type Person,
  type Staff,
  callerFor,
  createCustomer,
  createCustomerUser,
  createTechnician,
  createUnit,
} from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

const DENVER = { latitude: 39.7392, longitude: -104.9903 };
const BOULDER = { latitude: 40.015, longitude: -105.2705 };

describe("smart assignment", () => {
  const world = useWorld();
  const ids = (list: { technicianId: string }[]) => list.map((c) => c.technicianId);
  let n = 0;

  /**
   * A customer of its own with a Denver lot, and a team of its own: manager Mia (based in Boulder)
   * manages Ned (based in Denver, skilled at chips); Theo of the shared world is outside it.
   */
  async function scene() {
    n += 1;
    const customer = await createCustomer(world.db, `Fleet ${n}`);
    await world.db.customerSite.create({
      data: { customerId: customer.id, name: "Main lot", isPrimary: true, ...DENVER },
    });
    const contact = await createCustomerUser(world.db, customer.id, `Cora${n}`);
    const ned = await createTechnician(world.db, `Ned${n}`);
    const mia = await createTechnician(world.db, `Mia${n}`, {
      isManager: true,
      canAssignWork: true,
      manages: [ned.technicianId],
    });
    await world.db.technician.update({
      where: { id: ned.technicianId },
      data: { baseLatitude: DENVER.latitude, baseLongitude: DENVER.longitude, skills: ["CHIP"] },
    });
    await world.db.technician.update({
      where: { id: mia.technicianId },
      data: { baseLatitude: BOULDER.latitude, baseLongitude: BOULDER.longitude },
    });
    const request = async (unitNumber: string, by: Person = contact, id: string = randomUUID()) => {
      const unit = await createUnit(world.db, customer.id, `${unitNumber}-${n}`);
      return callerFor(world.db, by).repair.request({ id, unitId: unit.id, damageType: "CHIP" });
    };
    const block = (t: Staff) =>
      world.db.customer.update({
        where: { id: customer.id },
        data: { blockedTechnicians: { connect: { id: t.technicianId } } },
      });
    return { customer, contact, ned, mia, request, block };
  }

  it("ranks a manager's team only, with each factor in words; an admin sees everyone; blocked apart", async () => {
    const { ned, mia, request, block } = await scene();
    const repair = await request("SA-1");
    const mine = await callerFor(world.db, mia).assignment.rankForRepair({ repairId: repair.id });
    expect(ids(mine.ranked)).toEqual([ned.technicianId, mia.technicianId]);
    expect(mine.ranked[0]!.factors.map((f) => f.words)).toEqual([
      "0 open repairs (fewest of 2): +0.30",
      "0.0 km from base: +0.30",
      "skilled at chip: +0.20",
      "0 past repairs at this customer: +0.00",
      "working hours not set (neutral): +0.05",
    ]);
    expect(mine.excluded).toContainEqual({
      technicianId: world.theo.technicianId,
      name: "Theo",
      why: expect.stringMatching(/technicians you manage/),
    });

    await block(world.theo);
    const all = await callerFor(world.db, world.admin).assignment.rankForRepair({ repairId: repair.id });
    expect(ids(all.ranked)).toEqual(
      expect.arrayContaining([ned.technicianId, mia.technicianId, world.tina.technicianId]),
    );
    expect(ids(all.ranked)[0]).toBe(ned.technicianId);
    expect(all.excluded).toContainEqual({
      technicianId: world.theo.technicianId,
      name: "Theo",
      why: "blocked by the customer",
    });
    expect(ids(all.ranked)).not.toContain(world.theo.technicianId);
  });

  it("stores the chosen one's reasons and audits an override of the top pick", async () => {
    const { ned, mia, request } = await scene();
    const repair = await request("SA-2");
    await callerFor(world.db, mia).repair.assign({ repairId: repair.id, technicianId: mia.technicianId });
    const stored = await world.db.repair.findUniqueOrThrow({ where: { id: repair.id } });
    expect(stored.assignmentReasons).toMatchObject({
      mode: "manual",
      overrodeTopPick: true,
      topPick: { technicianId: ned.technicianId },
      chosen: { technicianId: mia.technicianId, factors: expect.any(Array) },
    });
    const audit = await world.db.auditLog.findFirstOrThrow({ where: { entityId: repair.id, action: "repair.assign" } });
    expect(audit).toMatchObject({ actorId: mia.userId });
    expect(audit.changes).toMatchObject({
      technicianId: { after: mia.technicianId },
      assignmentReasons: { before: null, after: { overrodeTopPick: true } },
    });
  });

  it("bulk-assigns each repair to its best candidate, spreading the work, in one action", async () => {
    const { ned, mia, request } = await scene();
    // Without Ned's chip skill, the distance he has over Mia is worth less than one repair's workload.
    await world.db.technician.update({ where: { id: ned.technicianId }, data: { skills: [] } });
    const repairs = [];
    for (const k of [1, 2, 3, 4]) repairs.push(await request(`SB-${k}`));
    const { assigned } = await callerFor(world.db, mia).assignment.bulkAssign({ repairIds: repairs.map((r) => r.id) });
    expect(assigned).toHaveLength(4);
    const to = (id: string) => assigned.filter((a) => a.technicianId === id).length;
    expect(to(ned.technicianId)).toBeGreaterThan(0);
    expect(to(mia.technicianId)).toBeGreaterThan(0); // Ned's growing workload lets Mia win some
    const rows = await world.db.repair.findMany({ where: { id: { in: repairs.map((r) => r.id) } } });
    expect(rows.every((r) => r.status === "ASSIGNED" && r.technicianId !== null)).toBe(true);
    expect(rows.every((r) => (r.assignmentReasons as { mode: string }).mode === "bulk")).toBe(true);
    expect(
      await world.db.auditLog.count({ where: { action: "repair.assign", entityId: { in: rows.map((r) => r.id) } } }),
    ).toBe(4);
  });

  it("bulk assignment is all or nothing: one bad id, one refused technician, nothing assigned", async () => {
    const { ned, mia, request, block } = await scene();
    const a = await request("SC-1");
    const b = await request("SC-2");
    const asMia = callerFor(world.db, mia);
    const missing = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    await expect(asMia.assignment.bulkAssign({ repairIds: [missing, a.id, b.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      asMia.assignment.bulkAssign({ repairIds: [a.id, b.id], technicianId: world.theo.technicianId }),
    ).rejects.toMatchObject({ cause: { code: "OUTSIDE_TEAM" } });
    await block(ned);
    await expect(
      asMia.assignment.bulkAssign({ repairIds: [a.id, b.id], technicianId: ned.technicianId }),
    ).rejects.toMatchObject({ cause: { rule: "TECHNICIAN_BLOCKED" } });
    await world.db.technician.update({ where: { id: mia.technicianId }, data: { isActive: false } });
    await expect(asMia.assignment.bulkAssign({ repairIds: [a.id, b.id] })).rejects.toMatchObject({
      cause: { code: "NO_ELIGIBLE_TECHNICIAN" },
    });
    const rows = await world.db.repair.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.map((r) => [r.status, r.technicianId])).toEqual([
      ["REQUESTED", null],
      ["REQUESTED", null],
    ]);
    expect(await world.db.auditLog.count({ where: { action: "repair.assign", entityId: { in: [a.id, b.id] } } })).toBe(
      0,
    );

    await world.db.technician.update({ where: { id: mia.technicianId }, data: { isActive: true } });
    const all = await asMia.assignment.bulkAssign({ repairIds: [a.id, b.id], technicianId: mia.technicianId });
    expect(all.assigned.map((x) => x.technicianId)).toEqual([mia.technicianId, mia.technicianId]);
  });

  it("bulk assignment refused on its last repair leaves the ones before it unassigned too", async () => {
    const first = await scene();
    const second = await scene();
    // Repairs are assigned in id order: this one first, then the refused one.
    const ok = await first.request("SE-1", first.contact, `00000000-0000-4000-8000-${randomUUID().slice(-12)}`);
    const blocked = await second.request("SE-2", second.contact, `ffffffff-ffff-4fff-bfff-${randomUUID().slice(-12)}`);
    await world.db.customer.update({
      where: { id: second.customer.id },
      data: { blockedTechnicians: { connect: { id: world.tina.technicianId } } },
    });
    const admin = callerFor(world.db, world.admin);
    await expect(
      admin.assignment.bulkAssign({ repairIds: [blocked.id, ok.id], technicianId: world.tina.technicianId }),
    ).rejects.toMatchObject({ cause: { rule: "TECHNICIAN_BLOCKED" } });
    const rows = await world.db.repair.findMany({ where: { id: { in: [ok.id, blocked.id] } } });
    expect(rows.map((r) => [r.status, r.technicianId])).toEqual([
      ["REQUESTED", null],
      ["REQUESTED", null],
    ]);
  });

  it("auto-assigns a customer's request only when the business turned it on", async () => {
    const { customer, contact, ned, request } = await scene();
    const off = await request("SD-1");
    expect(off).toMatchObject({ status: "REQUESTED", technicianId: null });

    await world.db.customer.update({
      where: { id: customer.id },
      data: { preferredTechnicians: { connect: { id: ned.technicianId } } },
    });
    await world.db.businessSettings.upsert({
      where: { id: 1 },
      create: { id: 1, autoAssignRequests: true },
      update: { autoAssignRequests: true },
    });
    try {
      const on = await request("SD-2");
      const row = await world.db.repair.findUniqueOrThrow({ where: { id: on.id } });
      expect(row).toMatchObject({ status: "ASSIGNED", technicianId: ned.technicianId });
      expect(row.assignmentReasons).toMatchObject({
        mode: "auto",
        chosen: { technicianId: ned.technicianId, preferredBonus: 0.1 },
      });
      const audit = await world.db.auditLog.findFirstOrThrow({
        where: { entityId: on.id, action: "repair.autoAssign" },
      });
      expect(audit).toMatchObject({ actorId: contact.userId });
    } finally {
      await world.db.businessSettings.update({ where: { id: 1 }, data: { autoAssignRequests: false } });
    }
    const later = await request("SD-3");
    expect(later).toMatchObject({ status: "REQUESTED", technicianId: null });
  });

  it("ranks technicians for a planned walk: a manager's team, never another team's walk", async () => {
    const { customer, ned, mia } = await scene();
    const day = new Date("2030-06-04T00:00:00Z"); // a Tuesday
    const walk = await world.db.lotWalk.create({
      data: { id: randomUUID(), customerId: customer.id, status: "SCHEDULED", scheduledFor: day },
    });
    await world.db.technician.update({
      where: { id: ned.technicianId },
      data: { workingHours: { tuesday: { start: "08:00", end: "16:00" } } },
    });
    await world.db.lotWalk.create({
      data: {
        id: randomUUID(),
        customerId: world.globex.id,
        technicianId: ned.technicianId,
        status: "SCHEDULED",
        scheduledFor: day,
      },
    });
    const ranking = await callerFor(world.db, mia).assignment.rankForWalk({ walkId: walk.id });
    expect(ids(ranking.ranked).sort()).toEqual([ned.technicianId, mia.technicianId].sort());
    const nedScore = ranking.ranked.find((c) => c.technicianId === ned.technicianId)!;
    expect(nedScore.factors.find((f) => f.factor === "availability")!.words).toBe("6 h of 8 h free on Tuesday: +0.08");
    expect(nedScore.factors.find((f) => f.factor === "expertise")!.value).toBe(0.5);
    expect(ranking.excluded).toContainEqual({
      technicianId: world.theo.technicianId,
      name: "Theo",
      why: "outside your team",
    });

    const theirs = await world.db.lotWalk.create({
      data: { id: randomUUID(), customerId: customer.id, technicianId: world.theo.technicianId, status: "SCHEDULED" },
    });
    await expect(callerFor(world.db, mia).assignment.rankForWalk({ walkId: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const admin = await callerFor(world.db, world.admin).assignment.rankForWalk({ walkId: walk.id });
    expect(ids(admin.ranked)).toContain(world.theo.technicianId);
  });
});
