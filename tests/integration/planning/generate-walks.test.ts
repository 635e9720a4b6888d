// Walks generated from customers' schedules: idempotent across reruns and concurrent runs, walks
// changed by hand survive regeneration, days the schedule no longer gives lose their untouched
// walks. Through the service directly (the job queue runs the same function: job-queue.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { scheduledWalkDates } from "~/domain";
import { generateScheduledWalks } from "~/server/services/planning/generate-scheduled-walks";
import { callerFor, createCustomer, createTechnician } from "../../support/fixtures";
import { useWorld } from "../../support/use-world";

// Tuesday 2030-03-05, 8 am in Denver.
const NOW = new Date("2030-03-05T15:00:00Z");
const TODAY = "2030-03-05";
const tueThu = { lotWalkingEnabled: true, weekdays: ["tuesday", "thursday"] as const, frequency: "WEEKLY" as const };

describe("walks generated from schedules", () => {
  const world = useWorld();
  let customerId: string;
  let siteId: string;

  beforeAll(async () => {
    const customer = await createCustomer(world.db, "Schedule Freight", {
      settings: {
        lotWalkingEnabled: true,
        lotWalkingSchedule: { tuesday: true, thursday: true },
        lotWalkingTime: "09:30",
        serviceMode: "SCHEDULED",
      },
    });
    customerId = customer.id;
    const { site } = await callerFor(world.db, world.admin).schedule.saveSite({
      customerId,
      name: "Main lot",
      address: "4800 Race St, Denver, CO",
      latitude: 39.78,
      longitude: -104.96,
    });
    siteId = site.id;
  });

  // Saving fleet settings also generates from the real today: only the 2030 walks are looked at.
  const walksOf = (id = customerId) =>
    world.db.lotWalk.findMany({
      where: { customerId: id, scheduledFor: { gte: new Date(`${TODAY}T00:00:00Z`) } },
      orderBy: { scheduledFor: "asc" },
    });

  it("creates one walk per walk day of the horizon, at the primary site and time, unassigned", async () => {
    const first = await generateScheduledWalks(world.db, { now: NOW, customerId });
    const expected = scheduledWalkDates({ ...tueThu, serviceMode: "SCHEDULED" }, TODAY, 4);
    expect(expected).toHaveLength(8);
    expect(first).toMatchObject({ created: 8, removed: 0 });
    const walks = await walksOf();
    expect(walks.map((w) => w.scheduledFor?.toISOString().slice(0, 10))).toEqual(expected);
    for (const w of walks) {
      expect(w).toMatchObject({
        origin: "SCHEDULE",
        status: "SCHEDULED",
        siteId,
        scheduledTime: "09:30",
        technicianId: null,
        changedByHandAt: null,
      });
      expect(w.scheduleKey).toBe(`${customerId}:${w.scheduledFor?.toISOString().slice(0, 10)}`);
    }
    expect(await world.db.auditLog.count({ where: { action: "walk.generate", entityId: walks[0]!.id } })).toBe(1);
  });

  it("is idempotent across three more runs and across three concurrent runs", async () => {
    for (let run = 0; run < 3; run += 1) {
      expect(await generateScheduledWalks(world.db, { now: NOW, customerId })).toMatchObject({ created: 0 });
    }
    const concurrent = await Promise.all([1, 2, 3].map(() => generateScheduledWalks(world.db, { now: NOW })));
    expect(concurrent.reduce((n, r) => n + r.created, 0)).toBe(0);
    expect(await walksOf()).toHaveLength(8);
  });

  it("concurrent first runs on a new customer make each walk once", async () => {
    const fresh = await createCustomer(world.db, "Concurrent Cabs", {
      settings: { lotWalkingEnabled: true, lotWalkingSchedule: { monday: true }, serviceMode: "HYBRID" },
    });
    const runs = await Promise.all(
      [1, 2, 3].map(() => generateScheduledWalks(world.db, { now: NOW, customerId: fresh.id })),
    );
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(4);
    expect(await walksOf(fresh.id)).toHaveLength(4);
    expect(
      await world.db.auditLog.count({
        where: { action: "walk.generate", entityId: { in: (await walksOf(fresh.id)).map((w) => w.id) } },
      }),
    ).toBe(4);
  });

  it("keeps walks moved or cancelled by hand, and removes untouched walks of days no longer scheduled", async () => {
    const [tue1, thu1, , thu2] = await walksOf();
    // The office moves the first Thursday to Friday and cancels the second Thursday.
    await world.db.lotWalk.update({
      where: { id: thu1!.id },
      data: { scheduledFor: new Date("2030-03-08T00:00:00Z"), changedByHandAt: NOW },
    });
    await world.db.lotWalk.update({ where: { id: thu2!.id }, data: { status: "CANCELLED", changedByHandAt: NOW } });
    expect(await generateScheduledWalks(world.db, { now: NOW, customerId })).toMatchObject({ created: 0, removed: 0 });

    // The admin drops Thursdays.
    await callerFor(world.db, world.admin).admin.updateFleetSettings({ customerId, lotWalkingWeekdays: ["tuesday"] });
    await generateScheduledWalks(world.db, { now: NOW, customerId });
    const walks = await walksOf();
    const byId = new Map(walks.map((w) => [w.id, w]));
    expect(byId.get(thu1!.id)?.scheduledFor?.toISOString().slice(0, 10)).toBe("2030-03-08");
    expect(byId.get(thu2!.id)?.status).toBe("CANCELLED");
    expect(byId.has(tue1!.id)).toBe(true);
    const untouchedThursdays = walks.filter((w) => w.changedByHandAt === null && w.scheduledFor?.getUTCDay() === 4);
    expect(untouchedThursdays).toEqual([]);
    expect(walks.filter((w) => w.changedByHandAt === null)).toHaveLength(4);
    expect(
      await world.db.auditLog.count({ where: { action: "walk.unschedule", entityId: { in: [thu1!.id, thu2!.id] } } }),
    ).toBe(0);

    // Thursdays back: the cancelled and moved days stay as the office left them.
    await callerFor(world.db, world.admin).admin.updateFleetSettings({
      customerId,
      lotWalkingWeekdays: ["tuesday", "thursday"],
    });
    await generateScheduledWalks(world.db, { now: NOW, customerId });
    const again = await walksOf();
    expect(again).toHaveLength(8);
    expect(again.filter((w) => w.status === "CANCELLED").map((w) => w.id)).toEqual([thu2!.id]);
  });

  it("leaves a started walk alone when its day is no longer scheduled", async () => {
    const [tue] = await walksOf();
    await world.db.lotWalk.update({ where: { id: tue!.id }, data: { status: "IN_PROGRESS", startedAt: NOW } });
    await callerFor(world.db, world.admin).admin.updateFleetSettings({ customerId, lotWalkingEnabled: false });
    await generateScheduledWalks(world.db, { now: NOW, customerId });
    const left = await walksOf();
    expect(left.map((w) => w.id)).toContain(tue!.id);
    expect(left.every((w) => w.id === tue!.id || w.changedByHandAt !== null)).toBe(true);
  });

  it("assigns the customer's only preferred technician, with the reason, unless blocked", async () => {
    const pat = await createTechnician(world.db, "Pat");
    const preferring = await createCustomer(world.db, "Preferring Haulers", {
      settings: {
        lotWalkingEnabled: true,
        lotWalkingSchedule: { wednesday: true },
        serviceMode: "SCHEDULED",
        preferredTechnicians: { connect: [{ id: pat.technicianId }] },
      },
    });
    await generateScheduledWalks(world.db, { now: NOW, customerId: preferring.id });
    const walks = await walksOf(preferring.id);
    expect(walks).toHaveLength(4);
    for (const w of walks) {
      expect(w.technicianId).toBe(pat.technicianId);
      expect(JSON.stringify(w.assignmentReasons)).toMatch(/only preferred technician/);
    }

    const two = await createCustomer(world.db, "Two Preferences", {
      settings: {
        lotWalkingEnabled: true,
        lotWalkingSchedule: { wednesday: true },
        serviceMode: "SCHEDULED",
        preferredTechnicians: { connect: [{ id: pat.technicianId }, { id: world.tina.technicianId }] },
      },
    });
    await generateScheduledWalks(world.db, { now: NOW, customerId: two.id });
    expect((await walksOf(two.id)).every((w) => w.technicianId === null)).toBe(true);
  });

  it("generates nothing for an on-call customer", async () => {
    const onCall = await createCustomer(world.db, "On Call Only", {
      settings: { lotWalkingEnabled: true, lotWalkingSchedule: { monday: true }, serviceMode: "ON_CALL" },
    });
    await generateScheduledWalks(world.db, { now: NOW, customerId: onCall.id });
    expect(await walksOf(onCall.id)).toEqual([]);
  });

  it("an admin or manager may generate now; a technician may not", async () => {
    await expect(callerFor(world.db, world.tina).schedule.generateNow()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const answer = await callerFor(world.db, world.maya).schedule.generateNow();
    expect(answer).toMatchObject({ created: expect.any(Number) });
  });
});
