import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dayKey } from "~/domain";
import { config } from "~/server/config";
import { callerFor, createCustomer } from "../../support/fixtures";
import { requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

const DOWNTOWN = { latitude: 39.7392, longitude: -104.9903 };
const AURORA = { latitude: 39.7294, longitude: -104.8319 };
const LAKEWOOD = { latitude: 39.7047, longitude: -105.0814 };
const ENGLEWOOD = { latitude: 39.6478, longitude: -104.9878 };

describe("a technician's day in driving order (route.day)", () => {
  const world = useWorld();

  async function plannedDay() {
    const today = dayKey(new Date(), config().BUSINESS_TIME_ZONE);
    const scheduledFor = new Date(`${today}T00:00:00Z`);
    await world.db.technician.update({
      where: { id: world.tina.technicianId },
      data: {
        baseLatitude: DOWNTOWN.latitude,
        baseLongitude: DOWNTOWN.longitude,
        workingHours: Object.fromEntries(
          ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => [
            d,
            { start: "07:30", end: "16:00" },
          ]),
        ),
      },
    });
    const aurora = await world.db.customerSite.create({
      data: { customerId: world.acme.id, name: "Aurora lot", address: "1 Aurora Way", ...AURORA },
    });
    await world.db.customerSite.create({
      data: { customerId: world.globex.id, name: "Lakewood yard", address: "", isPrimary: true, ...LAKEWOOD },
    });
    const englewood = await world.db.customerSite.create({
      data: { customerId: world.acme.id, name: "Englewood shop", address: "9 Shop St", ...ENGLEWOOD },
    });
    const nowhere = await createCustomer(world.db, "Nowhere Freight");
    const walk = (data: { customerId: string; siteId?: string; scheduledTime?: string; status?: "CANCELLED" }) =>
      world.db.lotWalk.create({
        data: { id: randomUUID(), technicianId: world.tina.technicianId, scheduledFor, origin: "SCHEDULE", ...data },
      });
    const atAurora = await walk({ customerId: world.acme.id, siteId: aurora.id, scheduledTime: "07:00" });
    const atGlobex = await walk({ customerId: world.globex.id, scheduledTime: "14:00" });
    const unlocated = await walk({ customerId: nowhere.id });
    await walk({ customerId: world.acme.id, siteId: aurora.id, status: "CANCELLED" });
    await world.db.lotWalk.create({
      data: { id: randomUUID(), technicianId: world.theo.technicianId, scheduledFor, customerId: world.acme.id },
    });
    // A customer that blocked Tina: its walk is no stop of hers.
    const blocking = await createCustomer(world.db, "Blocking Bus Co", {
      settings: { blockedTechnicians: { connect: [{ id: world.tina.technicianId }] } },
    });
    await world.db.customerSite.create({
      data: { customerId: blocking.id, name: "Depot", isPrimary: true, ...AURORA },
    });
    await walk({ customerId: blocking.id });
    const repair = await requested(world.db, world, "RT-1");
    await callerFor(world.db, world.maya).repair.assign({ repairId: repair.id, technicianId: world.tina.technicianId });
    await world.db.repair.update({ where: { id: repair.id }, data: { siteId: englewood.id } });
    return { today, atAurora, atGlobex, unlocated, repair };
  }

  it("orders walks and on-call work by distance from the base, with legs, arrivals and lateness", async () => {
    const { today, atAurora, atGlobex, unlocated, repair } = await plannedDay();
    const day = await callerFor(world.db, world.tina).route.day({});
    expect(day).toMatchObject({
      technicianId: world.tina.technicianId,
      technicianName: "Tina",
      day: today,
      start: { kind: "base", ...DOWNTOWN },
      startTime: "07:30",
      averageSpeedKmh: 40,
    });
    expect(day.stops.map((s) => [s.position, s.kind, s.id])).toEqual([
      [1, "walk", atGlobex.id],
      [2, "repair", repair.id],
      [3, "walk", atAurora.id],
    ]);
    const [globex, englewood, aurora] = day.stops;
    expect(globex).toMatchObject({
      customerName: "Globex Trucking",
      siteName: "Lakewood yard",
      legKm: 8.7,
      eta: "07:43",
      plannedTime: "14:00",
      waitMinutes: 377,
      lateByMinutes: 0,
    });
    expect(englewood).toMatchObject({ siteName: "Englewood shop", address: "9 Shop St", unitNumber: "RT-1" });
    expect(aurora).toMatchObject({ siteName: "Aurora lot", plannedTime: "07:00" });
    expect(aurora!.lateByMinutes).toBeGreaterThan(0);
    expect(day.unlocated).toEqual([
      {
        kind: "walk",
        id: unlocated.id,
        customerName: "Nowhere Freight",
        plannedTime: null,
        status: "SCHEDULED",
        unitNumber: "",
      },
    ]);
    expect(day.totalKm).toBeLessThanOrEqual(day.nearestNeighbourKm);

    // A position reported today (a walk's GPS) is fresher than the base; yesterday's is not.
    const lastPosition = { lastLatitude: ENGLEWOOD.latitude, lastLongitude: ENGLEWOOD.longitude };
    await world.db.technician.update({
      where: { id: world.tina.technicianId },
      data: { ...lastPosition, lastPositionAt: new Date(Date.now() - 36 * 60 * 60 * 1000) },
    });
    expect((await callerFor(world.db, world.tina).route.day({})).start).toMatchObject({ kind: "base" });
    await world.db.technician.update({
      where: { id: world.tina.technicianId },
      data: { ...lastPosition, lastPositionAt: new Date() },
    });
    const fromHere = await callerFor(world.db, world.tina).route.day({});
    expect(fromHere.start).toEqual({ kind: "lastPosition", ...ENGLEWOOD });
    expect(fromHere.stops[0]).toMatchObject({ id: repair.id, legKm: 0 });

    // A past day: its walks (none here) but never today's open on-call work.
    const yesterday = await callerFor(world.db, world.tina).route.day({ day: "2020-01-06" });
    expect(yesterday.stops).toEqual([]);
  });

  it("shows a technician their own day, a manager their team's, an admin anyone's", async () => {
    const tina = { technicianId: world.tina.technicianId };
    const theo = { technicianId: world.theo.technicianId };
    await expect(callerFor(world.db, world.maya).route.day(tina)).resolves.toMatchObject({ technicianName: "Tina" });
    await expect(callerFor(world.db, world.admin).route.day(theo)).resolves.toMatchObject({ technicianName: "Theo" });
    await expect(callerFor(world.db, world.tina).route.day(theo)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(world.db, world.maya).route.day(theo)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(world.db, world.carla).route.day(tina)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(world.db, world.admin).route.day({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(world.db, world.admin).route.day({ technicianId: randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(world.db, world.tina).route.day({ day: "2026-02-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
