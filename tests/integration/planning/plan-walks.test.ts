// The office plans walks by hand, through the real procedures: refusals say why and write
// nothing; every change marks the walk as changed by hand and is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dayKey } from "~/domain";
import { config } from "~/server/config";
import { callerFor, createCustomer } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

describe("planning walks by hand", () => {
  const world = useWorld();
  const today = dayKey(new Date(), config().BUSINESS_TIME_ZONE);
  const soon = addDays(today, 2);
  let siteId: string;
  let globexSiteId: string;

  beforeAll(async () => {
    const admin = callerFor(world.db, world.admin);
    siteId = (
      await admin.schedule.saveSite({
        customerId: world.acme.id,
        name: "Acme yard",
        address: "",
        latitude: 39.7,
        longitude: -105,
      })
    ).site.id;
    globexSiteId = (
      await admin.schedule.saveSite({
        customerId: world.globex.id,
        name: "Globex depot",
        address: "",
        latitude: 39.8,
        longitude: -104.9,
      })
    ).site.id;
    await world.db.customer.update({
      where: { id: world.globex.id },
      data: { blockedTechnicians: { connect: { id: world.tina.technicianId } } },
    });
  });

  const plannedCount = () => world.db.lotWalk.count({ where: { origin: "ONE_OFF" } });

  it("a manager plans a one-off walk for their team, audited and marked as changed by hand", async () => {
    const walk = await callerFor(world.db, world.maya).schedule.createWalk({
      customerId: world.acme.id,
      siteId,
      date: soon,
      time: "09:00",
      technicianId: world.tina.technicianId,
    });
    expect(walk).toMatchObject({
      technicianName: "Tina",
      siteName: "Acme yard",
      date: soon,
      time: "09:00",
      changedByHand: true,
    });
    expect(await world.db.auditLog.count({ where: { action: "walk.plan.create", entityId: walk.id } })).toBe(1);
    const week = await callerFor(world.db, world.maya).schedule.week({ day: soon });
    expect(week.walks.map((w) => w.id)).toContain(walk.id);
    expect(week.technicians.map((t) => t.name).sort()).toEqual(["Maya", "Tina"]);
  });

  it("refuses, with a sentence and nothing written: past, overlap, blocked, other customer's site, outside the team", async () => {
    const maya = callerFor(world.db, world.maya);
    const admin = callerFor(world.db, world.admin);
    const before = await plannedCount();
    const base = { customerId: world.acme.id, siteId, time: "10:00", technicianId: world.tina.technicianId };
    await expect(maya.schedule.createWalk({ ...base, date: addDays(today, -1) })).rejects.toMatchObject({
      cause: { code: "WALK_IN_PAST" },
      message: expect.stringMatching(/cannot be planned in the past/),
    });
    await expect(maya.schedule.createWalk({ ...base, date: soon })).rejects.toMatchObject({
      cause: { code: "WALKS_OVERLAP" },
      message: expect.stringMatching(/already has a walk on .* 09:00/),
    });
    await expect(
      admin.schedule.createWalk({
        ...base,
        customerId: world.globex.id,
        siteId: globexSiteId,
        date: soon,
        time: "15:00",
      }),
    ).rejects.toMatchObject({ cause: { code: "TECHNICIAN_BLOCKED" } });
    await expect(
      maya.schedule.createWalk({ ...base, siteId: globexSiteId, date: soon, time: "15:00" }),
    ).rejects.toMatchObject({
      cause: { code: "SITE_OF_OTHER_CUSTOMER" },
      message: "This site is not one of this customer's sites.",
    });
    await expect(
      maya.schedule.createWalk({ ...base, technicianId: world.theo.technicianId, date: soon, time: "15:00" }),
    ).rejects.toMatchObject({ cause: { code: "OUTSIDE_TEAM" } });
    await expect(callerFor(world.db, world.tina).schedule.createWalk({ ...base, date: soon })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await plannedCount()).toBe(before);
  });

  it("moves, reassigns and cancels a generated walk; regeneration leaves it as the office left it", async () => {
    const customer = await createCustomer(world.db, "Hand Planned Co", {
      settings: {
        lotWalkingEnabled: true,
        lotWalkingSchedule: {
          monday: true,
          tuesday: true,
          wednesday: true,
          thursday: true,
          friday: true,
          saturday: true,
          sunday: true,
        },
        serviceMode: "SCHEDULED",
        lotWalkingTime: "08:00",
      },
    });
    const admin = callerFor(world.db, world.admin);
    await admin.schedule.generateNow();
    const generated = await world.db.lotWalk.findMany({
      where: { customerId: customer.id, origin: "SCHEDULE" },
      orderBy: { scheduledFor: "asc" },
    });
    expect(generated.length).toBe(28);
    const [a, b, c] = generated.slice(3, 6);

    const moved = await admin.schedule.moveWalk({ walkId: a!.id, date: addDays(today, 20), time: "13:00" });
    expect(moved).toMatchObject({ date: addDays(today, 20), time: "13:00", changedByHand: true });
    const assigned = await callerFor(world.db, world.maya).schedule.assignWalk({
      walkId: b!.id,
      technicianId: world.tina.technicianId,
    });
    // Smart assignment's reasons for the chosen one, stored and shown in words.
    expect(assigned.technicianName).toBe("Tina");
    expect(assigned.assignmentReasons[0]).toMatch(/^Chosen: Tina, score \d\.\d\d\.$/);
    expect(assigned.assignmentReasons.join(" ")).toMatch(/open repair/);
    const stored = await world.db.lotWalk.findUniqueOrThrow({ where: { id: b!.id } });
    expect(stored.assignmentReasons).toMatchObject({
      chosen: { technicianId: world.tina.technicianId },
      mode: "manual",
    });
    await expect(admin.schedule.cancelWalk({ walkId: c!.id, reason: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await admin.schedule.cancelWalk({ walkId: c!.id, reason: "Lot closed for paving" });
    await expect(admin.schedule.moveWalk({ walkId: c!.id, date: soon, time: null })).rejects.toMatchObject({
      cause: { code: "WALK_NOT_PLANNED" },
    });
    expect(await world.db.auditLog.findFirst({ where: { action: "walk.plan.cancel", entityId: c!.id } })).toMatchObject(
      { changes: expect.objectContaining({ reason: { before: null, after: "Lot closed for paving" } }) },
    );

    for (let i = 0; i < 3; i += 1) await admin.schedule.generateNow();
    const after = new Map(
      (await world.db.lotWalk.findMany({ where: { customerId: customer.id } })).map((w) => [w.id, w]),
    );
    expect(after.size).toBe(28);
    expect(after.get(a!.id)?.scheduledTime).toBe("13:00");
    expect(after.get(b!.id)?.technicianId).toBe(world.tina.technicianId);
    expect(after.get(c!.id)?.status).toBe("CANCELLED");
  });

  it("a walk assigned by the office reaches the technician's prepared snapshot with its site and time", async () => {
    const planned = await callerFor(world.db, world.maya).schedule.createWalk({
      customerId: world.acme.id,
      siteId,
      date: addDays(today, 1),
      time: "14:30",
      technicianId: null,
    });
    const before = await callerFor(world.db, world.tina).sync.prepare();
    expect(before.walks.map((w) => w.id)).not.toContain(planned.id);
    await callerFor(world.db, world.maya).schedule.assignWalk({
      walkId: planned.id,
      technicianId: world.tina.technicianId,
    });
    const after = await callerFor(world.db, world.tina).sync.prepare();
    expect(after.walks.find((w) => w.id === planned.id)).toMatchObject({
      status: "SCHEDULED",
      scheduledTime: "14:30",
      site: { name: "Acme yard", latitude: 39.7, longitude: -105 },
    });
  });

  it("a walk whose technician the customer has since blocked can still be cancelled, not moved", async () => {
    const customer = await createCustomer(world.db, "Later Blocking Co");
    const walk = await callerFor(world.db, world.maya).schedule.createWalk({
      customerId: customer.id,
      siteId: null,
      date: addDays(today, 3),
      time: "08:00",
      technicianId: world.tina.technicianId,
    });
    await world.db.customer.update({
      where: { id: customer.id },
      data: { blockedTechnicians: { connect: { id: world.tina.technicianId } } },
    });
    const maya = callerFor(world.db, world.maya);
    await expect(
      maya.schedule.moveWalk({ walkId: walk.id, date: addDays(today, 4), time: "08:00" }),
    ).rejects.toMatchObject({ cause: { code: "TECHNICIAN_BLOCKED" } });
    expect(await maya.schedule.cancelWalk({ walkId: walk.id, reason: "Customer blocked Tina" })).toMatchObject({
      status: "CANCELLED",
    });
  });

  it("sites: coordinates in range, one primary, admin only", async () => {
    const admin = callerFor(world.db, world.admin);
    await expect(
      admin.schedule.saveSite({ customerId: world.acme.id, name: "Nowhere", address: "", latitude: 91, longitude: 0 }),
    ).rejects.toMatchObject({
      cause: { code: "INVALID_COORDINATES" },
      message: "The latitude must be a number from -90 to 90.",
    });
    await expect(
      admin.schedule.saveSite({
        customerId: world.acme.id,
        siteId: globexSiteId,
        name: "Stolen",
        address: "",
        latitude: 1,
        longitude: 1,
      }),
    ).rejects.toMatchObject({ cause: { code: "SITE_OF_OTHER_CUSTOMER" } });
    const { sites } = await admin.schedule.saveSite({
      customerId: world.acme.id,
      name: "Acme north",
      address: "North yard",
      latitude: 39.9,
      longitude: -105.1,
      isPrimary: true,
    });
    expect(sites.filter((s) => s.isPrimary).map((s) => s.name)).toEqual(["Acme north"]);
    expect(sites).toHaveLength(2);
    await expect(
      callerFor(world.db, world.maya).schedule.saveSite({
        customerId: world.acme.id,
        name: "X",
        address: "",
        latitude: 1,
        longitude: 1,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(world.db, world.maya).schedule.sites({ customerId: world.acme.id })).toHaveLength(2);
  });
});
