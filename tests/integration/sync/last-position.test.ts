// Where a technician was last seen: the newest GPS fix a sync batch carries (a walk's start or
// end, a capture) becomes the technician's last position, which smart assignment measures
// distances from. An older batch arriving late never moves it back.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { push, repairCapture, walkStart } from "../../support/sync-flows";
import { useWorld } from "../../support/use-world";

describe("the technician's last position", () => {
  const world = useWorld();
  const position = () =>
    world.db.technician.findUniqueOrThrow({
      where: { id: world.tina.technicianId },
      select: { lastLatitude: true, lastLongitude: true, lastPositionAt: true },
    });

  it("is the newest fix of the batch, and an older batch does not move it back", async () => {
    const walkId = randomUUID();
    const walk = { id: walkId, customerId: world.acme.id };
    const t0 = new Date(Date.now() - 60 * 60_000);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await push(world.db, world.tina, [
      walkStart(world.acme.id, walkId), // at 39.74, -104.99, now
    ]);
    const newest = { latitude: 39.7612, longitude: -104.9811 };
    const results = await push(world.db, world.tina, [
      repairCapture(walk, { unitNumber: "LP-1", latitude: 39.7501, longitude: -104.99, capturedAt: at(10) }),
      repairCapture(walk, { unitNumber: "LP-2", ...newest, capturedAt: at(70) }),
      repairCapture(walk, { unitNumber: "LP-3", latitude: 39.7555, longitude: -104.985, capturedAt: at(30) }),
    ]);
    expect(results.results.every((r) => r.ok)).toBe(true);
    const seen = await position();
    expect(seen).toMatchObject({ lastLatitude: newest.latitude, lastLongitude: newest.longitude });
    // at(70) is ten minutes from now at most: a device clock ahead of the server is bounded by it.
    expect(seen.lastPositionAt!.getTime()).toBeLessThanOrEqual(Date.now());

    await push(world.db, world.tina, [
      repairCapture(walk, { unitNumber: "LP-4", latitude: 39.7, longitude: -105.0, capturedAt: at(5) }),
    ]);
    expect(await position()).toMatchObject({ lastLatitude: newest.latitude, lastLongitude: newest.longitude });
  });

  it("is not taken from a refused mutation or a capture without GPS", async () => {
    const before = await position();
    const walk = { id: randomUUID(), customerId: world.acme.id }; // never started: refused
    await push(world.db, world.tina, [
      repairCapture(walk, { unitNumber: "LP-9", latitude: 10, longitude: 10, capturedAt: new Date() }),
    ]);
    expect(await position()).toEqual(before);
  });
});
